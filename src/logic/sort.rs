//! One sort for the short lists the app orders at run time: a quiz's questions by their random key, a class's
//! questions by how few got them right, an ordering question's events by date, the timeline's events by
//! position.
//!
//! Why not `slice::sort`: every element type and comparison it is used with compiles to its own copy of the
//! standard library's sort (2–4 KB of WASM each: about 8 KB for the first two this replaced, 12 KB raw for the last three). These lists hold at
//! most a few hundred entries, so an insertion sort over plain `u64` keys is fast enough and costs one small
//! function. Callers pack what they sort by, and a tie-breaker, into the key.

/// Sorts `keys` in ascending order.
pub fn sort_keys(keys: &mut [u64]) {
    for i in 1..keys.len() {
        let key = keys[i];
        let mut j = i;
        while j > 0 && keys[j - 1] > key {
            keys[j] = keys[j - 1];
            j -= 1;
        }
        keys[j] = key;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::logic::rng::SplitMix64;

    /// The same order as the standard library's sort, for lists of every short length, with and without repeats.
    #[test]
    fn sorts_like_the_standard_library() {
        let mut rng = SplitMix64::new(21);
        for len in 0..300 {
            let mut keys: Vec<u64> = (0..len)
                .map(|_| rng.next_u64() % if len % 2 == 0 { 7 } else { u64::MAX })
                .collect();
            let mut expected = keys.clone();
            expected.sort_unstable();
            sort_keys(&mut keys);
            assert_eq!(keys, expected, "length {len}");
        }
    }
}
