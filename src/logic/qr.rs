//! QR codes for the class link, drawn by the app (issue 21): students point a phone at the projected code
//! instead of typing a web address off the board.
//!
//! Why our own encoder: a QR crate brings features we do not need (other modes, images, every version) for the
//! one thing we do, and the whole of it is a few tables and two small algorithms. What it supports:
//! - **byte mode** only (a link is bytes);
//! - **error correction level M**: a scan still works with about 15% of the code unreadable (a projector's glare,
//!   a head in the way), where level L allows only 7%;
//! - **versions 1–10** (21 to 57 modules a side): up to 213 bytes, far more than a class link on any school's
//!   host needs. Longer text gets `None`, and the panel says the link is too long for a QR code.
//!
//! Steps, as in the standard (ISO/IEC 18004): the data bits, split into blocks each with Reed–Solomon check
//! bytes, interleaved; the fixed patterns (finders, timing, alignment); the data laid out in two-column
//! zigzags; then each of the eight masks is tried and the one the standard's penalty rules like best is kept.
//! A test decodes the output with an independent decoder (`rqrr`, used only in tests).

/// A finished symbol: `size × size` modules, row by row, `true` for dark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Qr {
    size: usize,
    modules: Vec<bool>,
}

/// Level M's block layout for versions 1–10: (check bytes per block, blocks of the first group, data bytes in
/// each, blocks of the second group, data bytes in each). From the standard's table of error correction.
const LEVEL_M: [(usize, usize, usize, usize, usize); 10] = [
    (10, 1, 16, 0, 0),
    (16, 1, 28, 0, 0),
    (26, 1, 44, 0, 0),
    (18, 2, 32, 0, 0),
    (24, 2, 43, 0, 0),
    (16, 4, 27, 0, 0),
    (18, 4, 31, 0, 0),
    (22, 2, 38, 2, 39),
    (22, 3, 36, 2, 37),
    (26, 4, 43, 1, 44),
];

/// The centres of the alignment patterns along each axis, for versions 2–10 (version 1 has none).
const ALIGNMENT: [&[usize]; 10] = [
    &[],
    &[6, 18],
    &[6, 22],
    &[6, 26],
    &[6, 30],
    &[6, 34],
    &[6, 22, 38],
    &[6, 24, 42],
    &[6, 26, 46],
    &[6, 28, 50],
];

/// The widest quiet zone the standard asks for around a symbol, in modules.
pub const QUIET_ZONE: usize = 4;

impl Qr {
    /// The smallest symbol that holds `data`, or `None` when it needs more than version 10.
    pub fn encode(data: &[u8]) -> Option<Qr> {
        let version = (1..=10).find(|&v| bits_needed(v, data.len()) <= data_capacity(v) * 8)?;
        let codewords = interleave(version, &data_codewords(version, data));
        let mut best: Option<(u32, Qr)> = None;
        for mask in 0..8 {
            let mut grid = Grid::new(version);
            grid.draw_function_patterns();
            grid.draw_data(&codewords, mask);
            grid.draw_format(mask);
            let qr = Qr {
                size: grid.size,
                modules: grid.dark,
            };
            let score = qr.penalty();
            if best.as_ref().is_none_or(|(b, _)| score < *b) {
                best = Some((score, qr));
            }
        }
        best.map(|(_, qr)| qr)
    }

    /// Modules per side, without the quiet zone.
    pub fn size(&self) -> usize {
        self.size
    }

    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.size && y < self.size && self.modules[y * self.size + x]
    }

    /// An SVG path of the dark modules, offset by the quiet zone: one rectangle per horizontal run, so a link's
    /// code is a few KB of text at most.
    pub fn svg_path(&self) -> String {
        let mut d = String::new();
        for y in 0..self.size {
            let mut x = 0;
            while x < self.size {
                if !self.is_dark(x, y) {
                    x += 1;
                    continue;
                }
                let start = x;
                while x < self.size && self.is_dark(x, y) {
                    x += 1;
                }
                let run = x - start;
                d.push_str(&format!("M{},{}h{run}v1h-{run}z", start + QUIET_ZONE, y + QUIET_ZONE));
            }
        }
        d
    }

    /// The standard's penalty for a masked symbol (lower is easier to scan): long runs of one colour, 2×2
    /// blocks, patterns that look like a finder, and an unbalanced share of dark modules.
    fn penalty(&self) -> u32 {
        let n = self.size;
        let mut score = 0;
        for line in 0..n {
            for horizontal in [true, false] {
                let at = |i: usize| {
                    if horizontal {
                        self.is_dark(i, line)
                    } else {
                        self.is_dark(line, i)
                    }
                };
                let mut run = 1u32;
                for i in 1..=n {
                    if i < n && at(i) == at(i - 1) {
                        run += 1;
                    } else {
                        if run >= 5 {
                            score += 3 + (run - 5);
                        }
                        run = 1;
                    }
                }
                // 1:1:3:1:1 with four light modules on one side.
                const FINDER_LIKE: [[bool; 11]; 2] = [
                    [true, false, true, true, true, false, true, false, false, false, false],
                    [false, false, false, false, true, false, true, true, true, false, true],
                ];
                for start in 0..n.saturating_sub(10) {
                    for pattern in &FINDER_LIKE {
                        if (0..11).all(|k| at(start + k) == pattern[k]) {
                            score += 40;
                        }
                    }
                }
            }
        }
        for y in 0..n - 1 {
            for x in 0..n - 1 {
                let c = self.is_dark(x, y);
                if c == self.is_dark(x + 1, y) && c == self.is_dark(x, y + 1) && c == self.is_dark(x + 1, y + 1) {
                    score += 3;
                }
            }
        }
        let dark = self.modules.iter().filter(|&&d| d).count();
        let total = self.modules.len();
        let off_balance = (dark * 20).abs_diff(total * 10) / total;
        score + 10 * off_balance as u32
    }
}

/// Bits a byte-mode segment of `len` bytes needs at `version`: mode, length, data.
fn bits_needed(version: usize, len: usize) -> usize {
    4 + count_bits(version) + 8 * len
}

/// The length field is 8 bits up to version 9 and 16 from version 10.
fn count_bits(version: usize) -> usize {
    if version <= 9 {
        8
    } else {
        16
    }
}

fn data_capacity(version: usize) -> usize {
    let (_, b1, d1, b2, d2) = LEVEL_M[version - 1];
    b1 * d1 + b2 * d2
}

/// The data codewords: mode `0100`, the length, the bytes, a terminator, then the standard's filler bytes.
fn data_codewords(version: usize, data: &[u8]) -> Vec<u8> {
    let capacity = data_capacity(version) * 8;
    let mut bits: Vec<bool> = Vec::with_capacity(capacity);
    let mut push = |value: usize, width: usize| {
        for i in (0..width).rev() {
            bits.push((value >> i) & 1 == 1);
        }
    };
    push(0b0100, 4);
    push(data.len(), count_bits(version));
    for &b in data {
        push(usize::from(b), 8);
    }
    let terminator = (capacity - bits.len()).min(4);
    bits.extend(std::iter::repeat_n(false, terminator));
    while !bits.len().is_multiple_of(8) {
        bits.push(false);
    }
    let mut bytes: Vec<u8> = bits
        .chunks(8)
        .map(|c| c.iter().fold(0, |acc, &b| (acc << 1) | u8::from(b)))
        .collect();
    for filler in [0xEC, 0x11].into_iter().cycle() {
        if bytes.len() * 8 >= capacity {
            break;
        }
        bytes.push(filler);
    }
    bytes
}

/// Splits the data into blocks, adds each block's check bytes, and interleaves them as the standard lays out.
fn interleave(version: usize, data: &[u8]) -> Vec<u8> {
    let (ec, b1, d1, b2, d2) = LEVEL_M[version - 1];
    let generator = generator(ec);
    let mut blocks: Vec<(&[u8], Vec<u8>)> = Vec::new();
    let mut at = 0;
    for len in std::iter::repeat_n(d1, b1).chain(std::iter::repeat_n(d2, b2)) {
        let block = &data[at..at + len];
        at += len;
        blocks.push((block, remainder(block, &generator)));
    }
    let mut out = Vec::with_capacity(data.len() + ec * blocks.len());
    for i in 0..d1.max(d2) {
        out.extend(blocks.iter().filter_map(|(d, _)| d.get(i)));
    }
    for i in 0..ec {
        out.extend(blocks.iter().map(|(_, c)| c[i]));
    }
    out
}

/// Multiplication in GF(256) with the QR polynomial x⁸ + x⁴ + x³ + x² + 1.
fn gf_mul(a: u8, b: u8) -> u8 {
    let (mut a, mut b, mut product) = (u16::from(a), b, 0u16);
    while b != 0 {
        if b & 1 == 1 {
            product ^= a;
        }
        a <<= 1;
        if a & 0x100 != 0 {
            a ^= 0x11D;
        }
        b >>= 1;
    }
    product as u8
}

/// The Reed–Solomon generator of `degree`: the product of (x − 2ⁱ) for i in 0..degree, highest power first
/// (its leading 1 left out).
fn generator(degree: usize) -> Vec<u8> {
    let mut poly = vec![0u8; degree];
    poly[degree - 1] = 1;
    let mut root = 1u8;
    for _ in 0..degree {
        for j in 0..degree {
            poly[j] = gf_mul(poly[j], root);
            if j + 1 < degree {
                poly[j] ^= poly[j + 1];
            }
        }
        root = gf_mul(root, 2);
    }
    poly
}

/// The check bytes of `block`: the remainder of block·x^degree divided by the generator.
fn remainder(block: &[u8], generator: &[u8]) -> Vec<u8> {
    let mut rem = vec![0u8; generator.len()];
    for &b in block {
        let factor = b ^ rem[0];
        rem.rotate_left(1);
        let last = rem.len() - 1;
        rem[last] = 0;
        for (r, &g) in rem.iter_mut().zip(generator) {
            *r ^= gf_mul(g, factor);
        }
    }
    rem
}

/// A symbol being drawn: which modules are dark, and which belong to fixed patterns (never data or mask).
struct Grid {
    version: usize,
    size: usize,
    dark: Vec<bool>,
    fixed: Vec<bool>,
}

impl Grid {
    fn new(version: usize) -> Self {
        let size = 17 + 4 * version;
        Self {
            version,
            size,
            dark: vec![false; size * size],
            fixed: vec![false; size * size],
        }
    }

    fn set(&mut self, x: usize, y: usize, dark: bool) {
        let i = y * self.size + x;
        self.dark[i] = dark;
        self.fixed[i] = true;
    }

    fn draw_function_patterns(&mut self) {
        let n = self.size;
        for i in 0..n {
            self.set(6, i, i % 2 == 0);
            self.set(i, 6, i % 2 == 0);
        }
        for (cx, cy) in [(3, 3), (n - 4, 3), (3, n - 4)] {
            self.draw_finder(cx, cy);
        }
        let centres = ALIGNMENT[self.version - 1];
        let last = centres.len().saturating_sub(1);
        for (i, &cy) in centres.iter().enumerate() {
            for (j, &cx) in centres.iter().enumerate() {
                // The three corners that hold finder patterns.
                let on_finder = [(0, 0), (0, last), (last, 0)].contains(&(i, j));
                if !on_finder {
                    self.draw_alignment(cx, cy);
                }
            }
        }
        // Reserve the format areas now (drawn for real once the mask is known) and draw the version blocks.
        self.draw_format(0);
        if self.version >= 7 {
            let bits = bch(self.version as u32, 0x1F25, 12);
            for i in 0..18 {
                let dark = (bits >> i) & 1 == 1;
                let (a, b) = (n - 11 + i % 3, i / 3);
                self.set(a, b, dark);
                self.set(b, a, dark);
            }
        }
    }

    /// A 7×7 finder with its light separator, centred at (cx, cy); parts outside the symbol are skipped.
    fn draw_finder(&mut self, cx: usize, cy: usize) {
        for dy in -4i32..=4 {
            for dx in -4i32..=4 {
                let (x, y) = (cx as i32 + dx, cy as i32 + dy);
                if x < 0 || y < 0 || x >= self.size as i32 || y >= self.size as i32 {
                    continue;
                }
                let ring = dx.abs().max(dy.abs());
                self.set(x as usize, y as usize, ring != 2 && ring != 4);
            }
        }
    }

    fn draw_alignment(&mut self, cx: usize, cy: usize) {
        for dy in -2i32..=2 {
            for dx in -2i32..=2 {
                let ring = dx.abs().max(dy.abs());
                self.set((cx as i32 + dx) as usize, (cy as i32 + dy) as usize, ring != 1);
            }
        }
    }

    /// The 15 format bits (level M, `mask`), twice: around the top-left finder, and split between the other
    /// two; plus the one module that is always dark.
    fn draw_format(&mut self, mask: u8) {
        let n = self.size;
        // Level M is `00`, so the five data bits are the mask number.
        let bits = bch(u32::from(mask), 0x537, 10) ^ 0x5412;
        let bit = |i: usize| (bits >> i) & 1 == 1;
        for i in 0..6 {
            self.set(8, i, bit(i));
        }
        self.set(8, 7, bit(6));
        self.set(8, 8, bit(7));
        self.set(7, 8, bit(8));
        for i in 9..15 {
            self.set(14 - i, 8, bit(i));
        }
        for i in 0..8 {
            self.set(n - 1 - i, 8, bit(i));
        }
        for i in 8..15 {
            self.set(8, n - 15 + i, bit(i));
        }
        self.set(8, n - 8, true);
    }

    /// Lays the codewords' bits in two-column zigzags from the bottom-right corner (skipping the vertical timing
    /// column), masked; modules left over are remainder bits, zero before masking.
    fn draw_data(&mut self, codewords: &[u8], mask: u8) {
        let n = self.size;
        let mut index = 0;
        let mut right = n - 1;
        let mut upward = true;
        loop {
            if right == 6 {
                right = 5;
            }
            for step in 0..n {
                let y = if upward { n - 1 - step } else { step };
                for x in [right, right - 1] {
                    let i = y * n + x;
                    if self.fixed[i] {
                        continue;
                    }
                    let bit = codewords
                        .get(index / 8)
                        .is_some_and(|b| (b >> (7 - index % 8)) & 1 == 1);
                    index += 1;
                    self.dark[i] = bit ^ masked(mask, x, y);
                }
            }
            upward = !upward;
            if right < 2 {
                break;
            }
            right -= 2;
        }
    }
}

/// Whether mask pattern `mask` flips the module at column `x`, row `y`.
fn masked(mask: u8, x: usize, y: usize) -> bool {
    match mask {
        0 => (x + y).is_multiple_of(2),
        1 => y.is_multiple_of(2),
        2 => x.is_multiple_of(3),
        3 => (x + y).is_multiple_of(3),
        4 => (y / 2 + x / 3).is_multiple_of(2),
        5 => (x * y) % 2 + (x * y) % 3 == 0,
        6 => ((x * y) % 2 + (x * y) % 3).is_multiple_of(2),
        _ => ((x + y) % 2 + (x * y) % 3).is_multiple_of(2),
    }
}

/// `value` followed by its BCH check bits: the remainder of value·x^`width` divided by `poly`.
fn bch(value: u32, poly: u32, width: u32) -> u32 {
    let poly_degree = 31 - poly.leading_zeros();
    let mut rem = value << width;
    while rem != 0 && 31 - rem.leading_zeros() >= poly_degree {
        rem ^= poly << (31 - rem.leading_zeros() - poly_degree);
    }
    (value << width) | rem
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::logic::rng::SplitMix64;

    /// Reads `qr` with rqrr, an independent decoder, from a picture of it at 4 pixels a module with its quiet
    /// zone (as a phone camera would see a clean projection).
    fn read(qr: &Qr) -> String {
        let scale = 4;
        let side = (qr.size() + 2 * QUIET_ZONE) * scale;
        let mut img = rqrr::PreparedImage::prepare_from_bitmap(side, side, |x, y| {
            let (mx, my) = (x / scale, y / scale);
            mx >= QUIET_ZONE && my >= QUIET_ZONE && qr.is_dark(mx - QUIET_ZONE, my - QUIET_ZONE)
        });
        let grids = img.detect_grids();
        assert_eq!(grids.len(), 1, "one QR code found");
        let (meta, content) = grids[0].decode().expect("decodes");
        assert_eq!(meta.ecc_level, 0, "level M");
        content
    }

    #[test]
    fn a_class_link_reads_back_exactly() {
        let link = "https://school.example/reverse-wave/?view=quiz&seed=482113&bank=1&len=10&level=medium";
        let qr = Qr::encode(link.as_bytes()).expect("fits");
        assert_eq!(read(&qr), link);
    }

    /// Property: links of every length from 1 byte to the limit, with random characters a URL may hold, read
    /// back exactly through every version 1–10 (so every block layout, alignment grid and version block, and
    /// whichever mask wins, is checked by the independent decoder).
    #[test]
    fn property_every_length_and_version_reads_back() {
        let alphabet = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~:/?#[]@!$&'()*+,;=%";
        let mut rng = SplitMix64::new(21);
        let mut versions = std::collections::BTreeSet::new();
        for len in (1..=213).step_by(2).chain([212, 213]) {
            let text: String = (0..len)
                .map(|_| char::from(alphabet[rng.below(alphabet.len())]))
                .collect();
            let qr = Qr::encode(text.as_bytes()).unwrap_or_else(|| panic!("{len} bytes fit"));
            versions.insert((qr.size() - 17) / 4);
            assert_eq!(read(&qr), text, "{len} bytes");
        }
        assert_eq!(versions.into_iter().collect::<Vec<_>>(), (1..=10).collect::<Vec<_>>());
    }

    #[test]
    fn text_beyond_version_10_gets_none() {
        assert!(Qr::encode(&[b'a'; 213]).is_some());
        assert_eq!(Qr::encode(&[b'a'; 214]), None);
    }

    #[test]
    fn check_bytes_match_a_worked_example() {
        // "HELLO WORLD" at 1-M in alphanumeric mode is the standard's worked example: these 16 data codewords
        // give the 10 check codewords below.
        let data = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17];
        assert_eq!(
            remainder(&data, &generator(10)),
            [196, 35, 39, 119, 235, 215, 231, 226, 93, 23]
        );
    }

    #[test]
    fn the_svg_path_draws_every_dark_module_once() {
        let qr = Qr::encode(b"https://example.org/").unwrap();
        let dark = (0..qr.size())
            .flat_map(|y| (0..qr.size()).map(move |x| (x, y)))
            .filter(|&(x, y)| qr.is_dark(x, y))
            .count();
        let drawn: usize = qr
            .svg_path()
            .split('M')
            .skip(1)
            .map(|rect| rect.split(['h', 'v']).nth(1).unwrap().parse::<usize>().unwrap())
            .sum();
        assert_eq!(drawn, dark);
    }
}
