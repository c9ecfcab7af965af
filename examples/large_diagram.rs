//! Writes a large synthetic diagram (a grid of CMOC cards with realistic text, two arrows
//! each), for measuring export speed and memory on big files.
//!
//! Run: `cargo run --release --example large_diagram -- 200000 big.ron`

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let cards: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(20_000);
    let path = args.next().unwrap_or_else(|| "large.ron".to_string());
    let doc = cmoc_canvas::edit::synthetic_diagram(cards);
    match cmoc_canvas::file::save_file(&doc, std::path::Path::new(&path)) {
        Ok(()) => {
            println!("wrote {path}: {cards} cards");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
