use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

use crate::logic::chart::{Layout, Shape};

/// Chart colours per theme. Series use the Okabe–Ito colour-blind-safe set; every value also has a direct
/// label, so colour never carries meaning alone. Mirrors the CSS tokens in `style/tokens.css`.
pub struct Palette {
    pub bg: RGBColor,
    pub text: RGBColor,
    pub muted: RGBColor,
    pub grid: RGBColor,
    pub series: [RGBColor; 4],
    pub article: RGBColor,
    pub focus: RGBColor,
}

pub fn palette(dark: bool) -> Palette {
    if dark {
        Palette {
            bg: RGBColor(0x1d, 0x1c, 0x27),
            text: RGBColor(0xf2, 0xf0, 0xfa),
            muted: RGBColor(0xbd, 0xb9, 0xd2),
            grid: RGBColor(0x3a, 0x38, 0x50),
            series: [
                RGBColor(0x56, 0xb4, 0xe9),
                RGBColor(0xf0, 0xc1, 0x4b),
                RGBColor(0x3f, 0xcf, 0x9f),
                RGBColor(0xe5, 0x9a, 0xc4),
            ],
            article: RGBColor(0xff, 0x9d, 0x94),
            focus: RGBColor(0xff, 0xb3, 0x8a),
        }
    } else {
        Palette {
            bg: RGBColor(0xff, 0xff, 0xff),
            text: RGBColor(0x1b, 0x1a, 0x24),
            muted: RGBColor(0x4f, 0x4c, 0x63),
            grid: RGBColor(0xd6, 0xd3, 0xe3),
            series: [
                RGBColor(0x00, 0x72, 0xb2),
                RGBColor(0xc2, 0x7c, 0x00),
                RGBColor(0x00, 0x80, 0x60),
                RGBColor(0xa8, 0x46, 0x7f),
            ],
            article: RGBColor(0xb3, 0x26, 0x1e),
            focus: RGBColor(0xc2, 0x41, 0x0c),
        }
    }
}

/// Sizes the canvas backing store to CSS size × DPR and paints the chart. Resizing the backing store clears
/// it, so this always paints everything.
/// What the painter needs besides geometry: colours, the series names for the legend, and the translated
/// word that prefixes the article's figure.
pub struct Labels<'a> {
    pub series: Vec<&'a str>,
    pub article: &'a str,
    /// Shown above the value axis unless it is "%" (which every tick label already carries).
    pub unit: &'a str,
}

pub fn draw_on_canvas(
    canvas: &HtmlCanvasElement,
    layout: &Layout,
    dpr: f64,
    colours: &Palette,
    labels: &Labels,
    selected: Option<usize>,
) -> Result<(), String> {
    canvas.set_width((layout.width * dpr).round() as u32);
    canvas.set_height((layout.height * dpr).round() as u32);
    let backend = CanvasBackend::with_canvas_object(canvas.clone()).ok_or("no 2D context")?;
    let root = backend.into_drawing_area();
    paint(&root, layout, dpr, colours, labels, selected)?;
    root.present().map_err(|e| e.to_string())
}

/// A 2× image of the chart with its title above and source below, for the PNG download.
pub fn draw_for_download(
    canvas: &HtmlCanvasElement,
    layout: &Layout,
    colours: &Palette,
    labels: &Labels,
    title: &str,
    source: &str,
) -> Result<(), String> {
    const SCALE: f64 = 2.0;
    const HEADER: f64 = 40.0;
    const FOOTER: f64 = 28.0;
    canvas.set_width((layout.width * SCALE) as u32);
    canvas.set_height(((layout.height + HEADER + FOOTER) * SCALE) as u32);
    let backend = CanvasBackend::with_canvas_object(canvas.clone()).ok_or("no 2D context")?;
    let root = backend.into_drawing_area();
    root.fill(&colours.bg).map_err(|e| e.to_string())?;
    let (header, rest) = root.split_vertically((HEADER * SCALE) as i32);
    let (body, footer) = rest.split_vertically((layout.height * SCALE) as i32);
    let px = |v: f64| (v * SCALE) as i32;
    let style = |size: f64, c: &RGBColor| ("sans-serif", size * SCALE).into_font().color(c);
    header
        .draw(&Text::new(
            title.to_string(),
            (px(12.0), px(12.0)),
            style(16.0, &colours.text),
        ))
        .map_err(|e| e.to_string())?;
    paint(&body, layout, SCALE, colours, labels, None)?;
    footer
        .draw(&Text::new(
            source.to_string(),
            (px(12.0), px(6.0)),
            style(11.0, &colours.muted),
        ))
        .map_err(|e| e.to_string())?;
    root.present().map_err(|e| e.to_string())
}

fn paint<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    l: &Layout,
    dpr: f64,
    p: &Palette,
    labels: &Labels,
    selected: Option<usize>,
) -> Result<(), String> {
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
    let px = |v: f64| (v * dpr).round() as i32;
    let font = |size: f64| ("sans-serif", size * dpr).into_font();
    let (left, top, right, bottom) = l.plot;
    area.fill(&p.bg).map_err(err)?;

    // Gridlines and their labels.
    for (y, label) in &l.ticks {
        let style = if (*y - l.zero_y).abs() < 0.5 {
            p.muted.stroke_width(px(1.5) as u32)
        } else {
            p.grid.stroke_width(px(1.0).max(1) as u32)
        };
        area.draw(&PathElement::new(vec![(px(left), px(*y)), (px(right), px(*y))], style))
            .map_err(err)?;
        let text = font(11.0).color(&p.muted).pos(Pos::new(HPos::Right, VPos::Center));
        area.draw(&Text::new(label.clone(), (px(left - 6.0), px(*y)), text))
            .map_err(err)?;
    }
    // Category names under the plot, wrapped.
    for (x, lines) in &l.categories {
        for (i, line) in lines.iter().enumerate() {
            let text = font(12.0).color(&p.text).pos(Pos::new(HPos::Center, VPos::Top));
            area.draw(&Text::new(
                line.clone(),
                (px(*x), px(bottom + 6.0 + 14.0 * i as f64)),
                text,
            ))
            .map_err(err)?;
        }
    }
    // Lines first, so points and labels sit on top.
    for (si, line) in l.lines.iter().enumerate() {
        let colour = p.series[si % p.series.len()];
        let points: Vec<(i32, i32)> = line.iter().map(|(x, y)| (px(*x), px(*y))).collect();
        area.draw(&PathElement::new(points, colour.stroke_width(px(2.5) as u32)))
            .map_err(err)?;
    }
    for (i, m) in l.marks.iter().enumerate() {
        let colour = p.series[m.series % p.series.len()];
        if l.lines.is_empty() {
            let rect = [(px(m.x), px(m.y)), (px(m.x + m.w), px(m.y + m.h))];
            if m.shape == Shape::Solid {
                area.draw(&Rectangle::new(rect, colour.filled())).map_err(err)?;
            } else {
                // A ceiling or a range is not a measurement: an outline with diagonal hatching, so it can
                // never be read as a solid bar (see `logic::chart::Shape`).
                area.draw(&Rectangle::new(rect, colour.stroke_width(px(2.0) as u32)))
                    .map_err(err)?;
                let mut d = 0.0;
                while d < m.w + m.h {
                    let (x0, y0) = (m.x + d.min(m.w), m.y + (d - m.w).max(0.0));
                    let (x1, y1) = (m.x + (d - m.h).max(0.0), m.y + d.min(m.h));
                    area.draw(&PathElement::new(
                        vec![(px(x0), px(y0)), (px(x1), px(y1))],
                        colour.stroke_width(px(1.0) as u32),
                    ))
                    .map_err(err)?;
                    d += 8.0;
                }
            }
        } else {
            let (cx, cy) = (m.x + m.w / 2.0, m.y + m.h / 2.0);
            area.draw(&Circle::new((px(cx), px(cy)), px(5.0), colour.filled()))
                .map_err(err)?;
        }
        if selected == Some(i) {
            let ring = [
                (px(m.x - 3.0), px(m.y - 3.0)),
                (px(m.x + m.w + 3.0), px(m.y + m.h + 3.0)),
            ];
            area.draw(&Rectangle::new(ring, p.focus.stroke_width(px(2.5) as u32)))
                .map_err(err)?;
        }
        let text = font(12.0).color(&p.text).pos(Pos::new(HPos::Center, VPos::Bottom));
        area.draw(&Text::new(m.label.clone(), (px(m.label_x), px(m.label_y)), text))
            .map_err(err)?;
    }
    // The article's figure: a dashed line across its bar, labelled, in the "wrong" colour.
    for (x, y, label_y, label) in &l.article {
        let mut dx = -20.0;
        while dx < 20.0 {
            let seg = vec![(px(x + dx), px(*y)), (px(x + (dx + 4.0).min(20.0)), px(*y))];
            area.draw(&PathElement::new(seg, p.article.stroke_width(px(2.0) as u32)))
                .map_err(err)?;
            dx += 7.0;
        }
        let text = font(11.0).color(&p.article).pos(Pos::new(HPos::Center, VPos::Bottom));
        area.draw(&Text::new(
            format!("{} {label}", labels.article),
            (px(*x), px(*label_y)),
            text,
        ))
        .map_err(err)?;
    }
    if labels.unit != "%" {
        let text = font(11.0).color(&p.muted).pos(Pos::new(HPos::Right, VPos::Center));
        area.draw(&Text::new(labels.unit.to_string(), (px(right), px(top - 16.0)), text))
            .map_err(err)?;
    }
    // Legend along the top for charts with several series.
    for (x, si) in &l.legend {
        let colour = p.series[si % p.series.len()];
        let swatch = [(px(*x), px(top - 22.0)), (px(x + 12.0), px(top - 10.0))];
        area.draw(&Rectangle::new(swatch, colour.filled())).map_err(err)?;
        let name = labels.series.get(*si).copied().unwrap_or_default().to_string();
        let text = font(12.0).color(&p.text).pos(Pos::new(HPos::Left, VPos::Center));
        area.draw(&Text::new(name, (px(x + 18.0), px(top - 16.0)), text))
            .map_err(err)?;
    }
    Ok(())
}
