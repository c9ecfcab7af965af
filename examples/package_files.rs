//! Writes what the Linux package carries besides the program, generated so it cannot drift
//! from the program: the manual page (from the command line's own definitions, clap_mangen),
//! shell completions for bash, zsh and fish (clap_complete), and the icon at every hicolor
//! size (the SVG drawn by resvg, as figures are).
//!
//! ```text
//! cargo run --example package_files -- STAGE/usr/share
//! ```

use clap::CommandFactory;
use cmoc_canvas::cli::Cli;
use std::path::{Path, PathBuf};

/// The application's id: the desktop entry, the icon and the metainfo are named after it.
const APP_ID: &str = "io.github.cmoc_canvas.CmocCanvas";
/// The sizes hicolor themes look for.
const ICON_SIZES: [u32; 8] = [16, 24, 32, 48, 64, 128, 256, 512];

fn main() {
    let Some(share) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage: package_files SHARE_DIR (e.g. stage/usr/share)");
        std::process::exit(2);
    };
    if let Err(e) = write_all(&share) {
        eprintln!("package_files: {e}");
        std::process::exit(1);
    }
}

fn write_all(share: &Path) -> Result<(), String> {
    let mut command = Cli::command();
    // The manual page, section 1.
    let man = share.join("man/man1");
    std::fs::create_dir_all(&man).map_err(|e| e.to_string())?;
    let mut page = Vec::new();
    clap_mangen::Man::new(command.clone())
        .render(&mut page)
        .map_err(|e| e.to_string())?;
    std::fs::write(man.join("cmoc-canvas.1"), page).map_err(|e| e.to_string())?;
    for sub in command.get_subcommands() {
        let mut page = Vec::new();
        let name = format!("cmoc-canvas-{}", sub.get_name());
        let leaked: &'static str = Box::leak(name.clone().into_boxed_str());
        clap_mangen::Man::new(sub.clone().name(leaked))
            .render(&mut page)
            .map_err(|e| e.to_string())?;
        std::fs::write(man.join(format!("{name}.1")), page).map_err(|e| e.to_string())?;
    }
    // Completions where each shell looks for them.
    use clap_complete::Shell;
    for (shell, dir, file) in [
        (Shell::Bash, "bash-completion/completions", "cmoc-canvas"),
        (Shell::Zsh, "zsh/vendor-completions", "_cmoc-canvas"),
        (Shell::Fish, "fish/vendor_completions.d", "cmoc-canvas.fish"),
    ] {
        let dir = share.join(dir);
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        let mut out = Vec::new();
        clap_complete::generate(shell, &mut command, "cmoc-canvas", &mut out);
        std::fs::write(dir.join(file), out).map_err(|e| e.to_string())?;
    }
    // The icon: scalable, and drawn at each size.
    let svg_path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("assets/linux/{APP_ID}.svg"));
    let svg = std::fs::read(&svg_path).map_err(|e| format!("{}: {e}", svg_path.display()))?;
    let tree = resvg::usvg::Tree::from_data(&svg, &resvg::usvg::Options::default())
        .map_err(|e| e.to_string())?;
    let scalable = share.join("icons/hicolor/scalable/apps");
    std::fs::create_dir_all(&scalable).map_err(|e| e.to_string())?;
    std::fs::write(scalable.join(format!("{APP_ID}.svg")), &svg).map_err(|e| e.to_string())?;
    for size in ICON_SIZES {
        let mut pixmap = resvg::tiny_skia::Pixmap::new(size, size).ok_or("icon size")?;
        let scale = size as f32 / tree.size().width();
        resvg::render(
            &tree,
            resvg::tiny_skia::Transform::from_scale(scale, scale),
            &mut pixmap.as_mut(),
        );
        let dir = share.join(format!("icons/hicolor/{size}x{size}/apps"));
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        let png = pixmap.encode_png().map_err(|e| e.to_string())?;
        std::fs::write(dir.join(format!("{APP_ID}.png")), png).map_err(|e| e.to_string())?;
    }
    Ok(())
}
