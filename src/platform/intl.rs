//! Numbers in the reader's language through the browser's `Intl.NumberFormat` (issue 20): Spanish writes
//! `12.450` and `2,5 %`, Korean `12,450`. The browser already holds every language's rules, so the app compiles
//! none in. Installed into `i18n` at start (`i18n::use_browser_numbers`).

use wasm_bindgen::JsValue;

/// `value` in `lang` with at most `max_decimals` decimals; as a percentage (`value` 52 is 52 %) if `percent`.
pub fn format_number(lang: &str, value: f64, max_decimals: u32, percent: bool) -> Option<String> {
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"maximumFractionDigits".into(), &max_decimals.into()).ok()?;
    let value = if percent {
        js_sys::Reflect::set(&options, &"style".into(), &"percent".into()).ok()?;
        value / 100.0
    } else {
        value
    };
    let format = js_sys::Intl::NumberFormat::new(&js_sys::Array::of1(&lang.into()), &options).format();
    format.call1(&JsValue::NULL, &value.into()).ok()?.as_string()
}
