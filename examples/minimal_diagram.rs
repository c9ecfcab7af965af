//! The smallest useful script: build a two-card programme theory with an IF-branch through the
//! library's public API and write it as a CMOC Canvas file.
//!
//! Run: `cargo run --example minimal_diagram -- my-theory.ron`, then open the file in the editor.

use cmoc_canvas::edit::DiagramBuilder;
use cmoc_canvas::model::{Branch, CmocCard, NodeContent, Point, Polarity, TextBlock};
use std::process::ExitCode;

fn main() -> ExitCode {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "minimal.ron".to_string());

    let mut diagram = DiagramBuilder::new("Peer support for new link workers");
    diagram.metadata(|m| m.authors = vec!["A. Researcher".into()]);

    let condition = diagram.node(
        NodeContent::Condition(TextBlock::new(
            "IF",
            "new link workers have a named peer mentor",
        )),
        Point::new(0.0, 120.0),
        None,
    );
    let supported = diagram.cmoc(
        CmocCard::new(
            1,
            "When a new link worker can call a peer after a difficult session",
            "because they can share the emotional burden",
            "they feel able to keep holding patients with complex needs",
        ),
        Point::new(380.0, 0.0),
        None,
    );
    let mut failure = CmocCard::new(
        1,
        "When a new link worker can call a peer after a difficult session",
        "because they can share the emotional burden",
        "they feel able to keep holding patients with complex needs",
    );
    failure.polarity = Polarity::Negative;
    failure.title = "Carrying it alone".into();
    let unsupported = diagram.cmoc(failure, Point::new(380.0, 300.0), None);

    diagram.branch(condition, supported, Branch::Yes, "");
    diagram.branch(condition, unsupported, Branch::No, "no mentor");

    let doc = diagram.finish();
    match cmoc_canvas::file::save_file(&doc, std::path::Path::new(&path)) {
        Ok(()) => {
            println!("wrote {path} with {} nodes", doc.node_count());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
