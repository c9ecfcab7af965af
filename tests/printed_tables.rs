//! CMOC tables as papers print them and researchers copy them (issue 19, item 10): Luetsch et
//! al. Table 5 (outcomes when the mechanism is present and when it is not, the number inside
//! the context, a section row, reference numbers glued to the words) and Radcliffe et al.
//! Table 3 (tab-separated, a theme printed once, marked sentences numbered "1. ").

use cmoc_canvas::interchange::{ImportError, import_csv, import_linked_edit};
use cmoc_canvas::model::{CmocCard, Document, Polarity};

const LUETSCH: &str = include_str!("fixtures/import/luetsch-table5.csv");
const RADCLIFFE: &str = include_str!("fixtures/import/radcliffe-table3.tsv");

fn find(cards: &[CmocCard], number: u32, polarity: Polarity) -> &CmocCard {
    cards
        .iter()
        .find(|c| c.number == number && c.polarity == polarity)
        .unwrap_or_else(|| panic!("CMOC {number} {polarity:?} imported"))
}

#[test]
fn luetsch_table_5_gives_each_row_its_cmoc_and_its_negative_twin() {
    let result = import_csv(LUETSCH).expect("the table imports");
    assert!(result.problems.is_empty(), "{:?}", result.problems);
    assert_eq!(
        result.cards.len(),
        10,
        "five rows, each present and not present"
    );
    for n in 1..=5 {
        let yes = find(&result.cards, n, Polarity::Positive);
        let no = find(&result.cards, n, Polarity::Negative);
        // The number came out of the context, and the context lost it.
        assert!(
            !yes.context.starts_with(&format!("{n}.")),
            "{:?}",
            yes.context
        );
        assert_eq!(yes.context, no.context);
        assert_eq!(yes.mechanism, no.mechanism);
        assert_ne!(yes.outcome, no.outcome, "the not-present outcome is kept");
        // Never the whole context as a title.
        assert!(yes.title.split_whitespace().count() <= 6, "{:?}", yes.title);
    }
    let one = find(&result.cards, 1, Polarity::Positive);
    assert_eq!(one.title, "Recruitment", "a short first phrase");
    assert_eq!(
        one.outcome,
        "O1: patients provide informed consent to participate in MR."
    );
    assert!(
        one.evidence
            .iter()
            .any(|e| e.source.contains("17\u{2013}19, 53, 65, 66")),
        "{:?}",
        one.evidence
    );
    let minus_one = find(&result.cards, 1, Polarity::Negative);
    assert_eq!(
        minus_one.outcome,
        "O2: patient recruitment/participation rates are low."
    );
    // Each move is reported, by line.
    assert!(
        result
            .warnings
            .iter()
            .any(|w| w.line == 3 && w.message.contains("reference numbers 17\u{2013}19")),
        "{:?}",
        result.warnings
    );
    // The section row heads the cards under it as a tag.
    assert!(result.tags.iter().all(|t| t == &["participation"]));
    let mut doc = Document::new("review");
    import_linked_edit(&doc, &result, "Luetsch Table 5")
        .apply(&mut doc)
        .expect("adds");
    assert!(
        doc.cmoc_cards()
            .all(|(n, _)| n.tags == ["participation".to_string()])
    );
}

#[test]
fn radcliffe_table_3_splits_its_sentences_and_keeps_the_theme_and_sources() {
    let result = import_csv(RADCLIFFE).expect("the table imports");
    assert!(result.problems.is_empty(), "{:?}", result.problems);
    assert_eq!(result.cards.len(), 3);
    let one = find(&result.cards, 1, Polarity::Positive);
    assert_eq!(
        one.context,
        "When conducting a multidisciplinary medication review"
    );
    assert!(one.mechanism.starts_with("having a clear process"));
    assert!(one.evidence.iter().any(|e| e.source.contains("Campin")));
    let theme = "Healthcare professional roles, responsibilities and relationships";
    assert_eq!(result.tags.len(), 3);
    assert!(
        result.tags.iter().all(|t| t == &[theme]),
        "printed once, it holds for the rows below: {:?}",
        result.tags
    );
}

#[test]
fn a_missing_column_is_told_where_the_user_can_say_which_it_is() {
    let err = import_csv("Number,Context,Outcome\n1,a,b\n").expect_err("no mechanism");
    assert_eq!(err, ImportError::MissingColumn("mechanism"));
    let words = err.to_string();
    assert!(words.contains("Which column holds what"), "{words}");
    assert!(
        !words.contains("File > Import"),
        "not sent to the dialog it is shown in: {words}"
    );
}
