//! `cmoc-canvas git-setup`: makes git merge and compare diagrams card by card. It writes the
//! `.gitattributes` line that names diagrams (shared with colleagues once committed) and the
//! repository's own git config for the two drivers (each colleague runs it once: git does not
//! share config). Runs the `git` the user has.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The driver's name in `.gitattributes` and git config.
const DRIVER: &str = "cmoc-canvas";

/// `git-setup`.
#[derive(Debug, clap::Args)]
pub struct GitSetupArgs {
    /// A folder inside the repository (default: the current folder).
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub repo: PathBuf,
    /// Which files are diagrams, as a .gitattributes pattern.
    #[arg(long, default_value = "*.ron")]
    pub pattern: String,
}

/// Runs `git-setup`.
pub(super) fn run_git_setup(args: &GitSetupArgs, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    match set_up(args) {
        Ok(report) => {
            let _ = out.write_all(report.as_bytes());
            0
        }
        Err(e) => {
            let _ = writeln!(err, "Could not set up git: {e}");
            1
        }
    }
}

fn set_up(args: &GitSetupArgs) -> Result<String, String> {
    if args.pattern.trim().is_empty() || args.pattern.contains(char::is_whitespace) {
        return Err(format!(
            "“{}” is not a file pattern git can use (one word, e.g. *.ron or theory/*.ron).",
            args.pattern
        ));
    }
    let top = git(&args.repo, &["rev-parse", "--show-toplevel"]).map_err(|e| {
        format!(
            "{} is not inside a git repository ({e}). Run it in your repository's folder, or give --repo.",
            args.repo.display()
        )
    })?;
    let top = PathBuf::from(top.trim());
    let exe = std::env::current_exe()
        .map_err(|e| format!("cannot tell where this program is installed ({e})."))?;
    let exe = shell_quoted(&exe.to_string_lossy());
    let settings = [
        (
            format!("merge.{DRIVER}.name"),
            "CMOC Canvas: merge diagrams card by card".to_string(),
        ),
        (
            format!("merge.{DRIVER}.driver"),
            format!("{exe} merge %O %A %B -o %A --version-name 'Merged with git'"),
        ),
        (format!("diff.{DRIVER}.command"), format!("{exe} diff")),
    ];
    for (key, value) in &settings {
        git(&top, &["config", "--local", key, value])?;
    }
    let attributes = top.join(".gitattributes");
    let line = format!("{} merge={DRIVER} diff={DRIVER}", args.pattern);
    let existing = match std::fs::read_to_string(&attributes) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(format!("cannot read {} ({e}).", attributes.display())),
    };
    let wrote_attributes = if existing.lines().any(|l| l.trim() == line) {
        false
    } else {
        let mut text = existing;
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(&line);
        text.push('\n');
        std::fs::write(&attributes, text).map_err(|e| {
            format!(
                "cannot write {} ({e}). Check the folder can be written.",
                attributes.display()
            )
        })?;
        true
    };
    let mut report = String::new();
    for (key, value) in &settings {
        report.push_str(&format!("git config {key} {value}\n"));
    }
    report.push_str(&if wrote_attributes {
        format!("{}: added “{line}”\n", attributes.display())
    } else {
        format!("{}: already has “{line}”\n", attributes.display())
    });
    report.push_str(
        "Commit .gitattributes so your colleagues' git knows which files are diagrams; each of them runs `cmoc-canvas git-setup` once too (git keeps the drivers in each copy's own config).\n\
         `git merge` now merges diagrams card by card: a part changed both ways becomes a conflict the app lists (Versions tab), never <<<<<<< marks. `git diff` and `git log -p` say what changed CMOC by CMOC.\n",
    );
    Ok(report)
}

/// Runs git in `dir`; its output, or what went wrong in words.
fn git(dir: &Path, args: &[&str]) -> Result<String, String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| format!("git could not be run: {e}. Is git installed?"))?;
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    } else {
        Err(String::from_utf8_lossy(&output.stderr).trim().to_string())
    }
}

/// `text` as one word for the shell git runs drivers in.
fn shell_quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

#[cfg(test)]
mod tests {
    use super::shell_quoted;

    #[test]
    fn paths_with_spaces_and_quotes_stay_one_word() {
        assert_eq!(
            shell_quoted("/opt/CMOC Canvas/cmoc"),
            "'/opt/CMOC Canvas/cmoc'"
        );
        assert_eq!(shell_quoted("/home/o'neil/bin"), r"'/home/o'\''neil/bin'");
    }
}
