//! Running child processes with the project's tool folders on `PATH`, echoing each command first.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A failure with the message to show the person at the terminal.
#[derive(Debug)]
pub struct Failure(pub String);

pub struct Cmd {
    inner: Command,
    shown: String,
}

/// A command run in `dir`, with cargo's bin folder (Trunk, wasm-bindgen, wasm-opt) on `PATH`.
pub fn cmd(program: &str, dir: &Path) -> Cmd {
    let mut inner = Command::new(program);
    inner.current_dir(dir).env("PATH", tool_path());
    Cmd {
        inner,
        shown: program.to_string(),
    }
}

impl Cmd {
    pub fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        for a in args {
            self.shown.push(' ');
            self.shown.push_str(&a.as_ref().to_string_lossy());
            self.inner.arg(a);
        }
        self
    }

    /// Sets an environment variable for the command (and whatever it starts, such as Trunk's hooks).
    pub fn env(mut self, key: &str, value: &str) -> Self {
        self.shown = format!("{key}={value} {}", self.shown);
        self.inner.env(key, value);
        self
    }

    pub fn run(mut self) -> Result<(), Failure> {
        println!("\n$ {}", self.shown);
        let status = self
            .inner
            .status()
            .map_err(|e| Failure(format!("could not start `{}`: {e}", self.shown)))?;
        if status.success() {
            Ok(())
        } else {
            Err(Failure(format!("`{}` failed ({status})", self.shown)))
        }
    }

    /// Runs quietly and returns trimmed stdout, or `None` if the program is missing or fails.
    pub fn output(mut self) -> Option<String> {
        let out = self.inner.output().ok()?;
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
    }
}

/// Cargo's bin folder, where `cargo install` puts tools: `$CARGO_HOME/bin`, else `~/.cargo/bin`.
pub fn cargo_bin() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME")
                .or_else(|| std::env::var_os("USERPROFILE"))
                .map(|h| PathBuf::from(h).join(".cargo"))
        })
        .unwrap_or_else(|| PathBuf::from(".cargo"))
        .join("bin")
}

/// `PATH` with cargo's bin folder first, for shells where it is missing (a fresh CI machine).
fn tool_path() -> std::ffi::OsString {
    let mut paths = vec![cargo_bin()];
    paths.extend(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()));
    std::env::join_paths(paths).unwrap_or_default()
}
