//! `cmoc-canvas`: with no arguments (or a file) opens the editor; subcommands work on files.

use clap::Parser;
use cmoc_canvas::cli::{Cli, run_command};
use std::process::ExitCode;

/// mimalloc keeps freed memory for reuse: each frame's meshes no longer cost fresh page faults.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match &cli.command {
        Some(command) => {
            let status = run_command(command, &mut std::io::stdout(), &mut std::io::stderr());
            ExitCode::from(status)
        }
        None => {
            // A diagram opened while CMOC Canvas runs opens in that window.
            if let (Some(file), Some(socket)) = (&cli.file, cmoc_canvas::instance::socket_path())
                && cmoc_canvas::instance::hand_over(&socket, file)
            {
                println!(
                    "Opened {} in the CMOC Canvas window already open.",
                    file.display()
                );
                return ExitCode::SUCCESS;
            }
            cmoc_canvas::app::run_editor(cli.file)
        }
    }
}
