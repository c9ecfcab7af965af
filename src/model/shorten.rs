//! Text cut short for a one-line label.

/// `text` cut to at most `max_chars` characters on one line, with an ellipsis when cut.
pub fn shorten(text: &str, max_chars: usize) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= max_chars {
        one_line
    } else {
        let cut: String = one_line.chars().take(max_chars.saturating_sub(1)).collect();
        // At the end of a whole word when one ends in the last third ("…and…", never
        // "…and p…"); text without spaces (Chinese, a long address) is cut where it reaches.
        let whole = cut
            .rfind(' ')
            .filter(|&at| cut[..at].chars().count() * 3 >= max_chars * 2)
            .map_or(cut.as_str(), |at| &cut[..at]);
        format!(
            "{}…",
            whole.trim_end().trim_end_matches([',', ';', ':', '·'])
        )
    }
}

#[cfg(test)]
mod tests {
    use super::shorten;

    #[test]
    fn a_long_name_is_cut_after_a_whole_word() {
        let name = "-ve CMOC 10 · Patients feel rushed, unprepared for change and pressured to achieve connecting goals";
        let short = shorten(name, 80);
        assert_eq!(
            short,
            "-ve CMOC 10 · Patients feel rushed, unprepared for change and pressured to…"
        );
        assert_eq!(shorten("short enough", 80), "short enough");
        assert_eq!(shorten("  two\n lines  ", 80), "two lines");
    }

    #[test]
    fn text_without_spaces_is_cut_where_it_reaches() {
        let chinese = "链接工作者对患者是否准备好改变很敏感因此患者继续参与";
        let short = shorten(chinese, 10);
        assert_eq!(short.chars().count(), 10);
        assert!(short.ends_with('…'));
    }
}
