use super::*;
use crate::interchange::docx::read_docx_text;
use crate::model::{Evidence, NodeContent, Point};
use crate::session::compare::compare;

fn card(id: u64, number: u32, context: &str, outcome: &str) -> Node {
    Node::new(
        NodeId(id),
        NodeContent::Cmoc(CmocCard::new(
            number,
            context,
            "staff feel recognised",
            outcome,
        )),
        Point::new(0.0, id as f32 * 200.0),
    )
}

fn table() -> ChangeTable {
    let old = vec![
        card(1, 1, "Regular reflective practice", "staff stay"),
        card(2, 2, "Managers hold anxiety", "teams cope"),
        card(3, 3, "A fixed rota", "less sickness"),
    ];
    let mut new = old.clone();
    if let Some(c) = new[0].content.cmoc_mut() {
        c.context = "Monthly group reflective practice".into();
        c.status = Status::Refined;
        c.rationale = "Workshop 1: monthly | not weekly <b>".into();
        c.evidence = vec![Evidence {
            source: "Site05_P06".into(),
            quote: "once a month".into(),
        }];
    }
    if let Some(c) = new[1].content.cmoc_mut() {
        c.status = Status::Supported;
        c.decided_by = vec!["Site01_P02".into()];
    }
    new.remove(2);
    let mut added = card(4, 4, "Families join the sessions", "carers feel heard");
    if let Some(c) = added.content.cmoc_mut() {
        c.status = Status::New;
    }
    new.push(added);
    let old_t = Theory {
        nodes: old.iter().collect(),
        edges: vec![],
    };
    let new_t = Theory {
        nodes: new.iter().collect(),
        edges: vec![],
    };
    let comparison = compare(&old_t, &new_t);
    ChangeTable::new(
        &old_t,
        &new_t,
        &comparison,
        "Initial programme theory",
        "Refined",
    )
}

#[test]
fn every_cmoc_of_either_version_has_a_row_in_number_order() {
    let t = table();
    let rows: Vec<_> = t
        .rows
        .iter()
        .map(|r| (r.badge.as_str(), r.status, r.change))
        .collect();
    assert_eq!(
        rows,
        [
            ("CMOC 1", Status::Refined, RowChange::Changed),
            ("CMOC 2", Status::Supported, RowChange::Unchanged),
            ("CMOC 3", Status::Untested, RowChange::Removed),
            ("CMOC 4", Status::New, RowChange::Added),
        ]
    );
    assert_eq!(
        t.rows[0].context.plain(),
        "[-Regular-]{+Monthly group+} reflective practice"
    );
    assert_eq!(
        t.rows[0].sources,
        ["Site05_P06"],
        "all its sources when none decided"
    );
    assert_eq!(
        t.rows[1].sources,
        ["Site01_P02"],
        "the deciding sources when named"
    );
    assert_eq!(t.rows[2].context.plain(), "[-A fixed rota-]");
    assert_eq!(
        t.summary(),
        "4 CMOCs: 1 supported, 1 refined, 1 new, 1 without a status. Compared with “Initial programme theory”: 1 added, 1 removed, 1 changed, 1 unchanged."
    );
}

#[test]
fn markdown_marks_struck_and_inserted_words_and_escapes_the_cells() {
    let md = changes_markdown(&table());
    assert!(
        md.contains(
            "| CMOC 1 | refined | changed | ~~Regular~~ **Monthly group** reflective practice |"
        ),
        "{md}"
    );
    assert!(
        md.contains("Workshop 1: monthly \\| not weekly &lt;b&gt;"),
        "{md}"
    );
    assert!(
        md.contains("| CMOC 4 | new | added | Families join the sessions |"),
        "{md}"
    );
    assert!(
        md.contains("| CMOC 3 | untested | removed | ~~A fixed rota~~ |"),
        "{md}"
    );
}

#[test]
fn csv_keeps_before_now_and_the_marked_changes() {
    let csv = changes_csv(&table());
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 4);
    assert_eq!(&rows[0][3], "Regular reflective practice");
    assert_eq!(&rows[0][4], "Monthly group reflective practice");
    assert_eq!(
        &rows[0][5],
        "[-Regular-]{+Monthly group+} reflective practice"
    );
    assert_eq!(&rows[1][5], "", "no changes, no marks");
}

#[test]
fn html_uses_del_and_ins_and_escapes_every_text() {
    let html = changes_html(&table());
    assert!(
        html.contains("<del>Regular</del> <ins>Monthly group</ins> reflective practice"),
        "{html}"
    );
    assert!(html.contains("monthly | not weekly &lt;b&gt;"), "{html}");
    assert!(!html.contains("<b>"));
    let doc = roxmltree_check(&html);
    assert!(doc, "the page is well formed");
}

fn roxmltree_check(html: &str) -> bool {
    // The page is XHTML-clean apart from its doctype, so an XML parser reads it.
    let body = html.trim_start_matches("<!DOCTYPE html>\n");
    roxmltree::Document::parse(body).is_ok()
}

#[test]
fn the_word_file_reads_back_with_its_table_cells() {
    let bytes = changes_docx(&table()).expect("writes");
    let text = read_docx_text(&bytes).expect("reads back");
    assert_eq!(text.paragraphs[0], "Refinement of the programme theory");
    assert!(
        text.paragraphs
            .iter()
            .any(|p| p.starts_with("4 CMOCs: 1 supported")),
        "{:?}",
        text.paragraphs
    );
    let rows = &text.tables[0];
    assert_eq!(
        rows[0],
        [
            "CMOC",
            "Status",
            "Change",
            "Context",
            "Mechanism",
            "Outcome",
            "Rationale",
            "Evidence"
        ]
    );
    assert_eq!(rows.len(), 5);
    assert_eq!(rows[1][0], "CMOC 1");
    assert_eq!(
        rows[1][3], "Regular Monthly group reflective practice",
        "struck then inserted words"
    );
    assert_eq!(rows[1][6], "Workshop 1: monthly | not weekly <b>");
    assert_eq!(rows[4][3], "Families join the sessions");
}

#[test]
fn the_word_file_strikes_the_removed_words() {
    let bytes = changes_docx(&table()).expect("writes");
    let docx = docx_rs::read_docx(&bytes).expect("reads");
    let Some(docx_rs::DocumentChild::Table(t)) = docx
        .document
        .children
        .iter()
        .find(|c| matches!(c, docx_rs::DocumentChild::Table(_)))
    else {
        panic!("a table");
    };
    let docx_rs::TableChild::TableRow(row) = &t.rows[1];
    let docx_rs::TableRowChild::TableCell(cell) = &row.cells[3];
    let docx_rs::TableCellContent::Paragraph(p) = &cell.children[0] else {
        panic!("a paragraph");
    };
    let styled: Vec<(String, bool, bool)> = p
        .children
        .iter()
        .filter_map(|c| match c {
            docx_rs::ParagraphChild::Run(r) => Some((
                crate::interchange::docx::paragraph_text(
                    &docx_rs::Paragraph::new().add_run((**r).clone()),
                ),
                r.run_property.strike.is_some(),
                r.run_property.bold.is_some(),
            )),
            _ => None,
        })
        .collect();
    assert_eq!(
        styled,
        [
            ("Regular".to_string(), true, false),
            (" ".to_string(), false, false),
            ("Monthly group".to_string(), false, true),
            (" reflective practice".to_string(), false, false),
        ]
    );
}
