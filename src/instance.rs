//! One editor per user: a diagram opened (from the file manager, say) while CMOC Canvas is
//! already running opens in that window instead of a second one. The running editor listens
//! on a Unix socket in the user's own runtime folder (`$XDG_RUNTIME_DIR`, readable by them
//! alone); a second start hands it the file's path and ends. Where there is no such folder, or
//! on a system without Unix sockets, each start opens its own window, as before.

use std::path::{Path, PathBuf};
use std::sync::mpsc;

/// The socket's name in the runtime folder.
const SOCKET: &str = "cmoc-canvas-instance.sock";
/// The longest message taken: one path.
const MAX_MESSAGE: u64 = 16 * 1024;

/// Where the running editor listens: `$CMOC_CANVAS_INSTANCE_DIR` (tests) or the runtime folder.
pub fn socket_path() -> Option<PathBuf> {
    let dir = std::env::var_os("CMOC_CANVAS_INSTANCE_DIR")
        .or_else(|| std::env::var_os("XDG_RUNTIME_DIR"))
        .map(PathBuf::from)
        .filter(|d| d.is_dir())?;
    Some(dir.join(SOCKET))
}

/// The files other starts handed to this editor.
pub struct Listener {
    paths: mpsc::Receiver<PathBuf>,
    socket: PathBuf,
}

impl Listener {
    /// The files handed over since the last call.
    pub fn take(&self) -> Vec<PathBuf> {
        self.paths.try_iter().collect()
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.socket);
    }
}

/// Hands `file` to the editor already running at `socket`: true when it took it.
#[cfg(unix)]
pub fn hand_over(socket: &Path, file: &Path) -> bool {
    use std::io::{BufRead, BufReader, Write};
    use std::os::unix::net::UnixStream;
    let Ok(file) = std::path::absolute(file) else {
        return false;
    };
    let Ok(mut stream) = UnixStream::connect(socket) else {
        return false;
    };
    let timeout = Some(std::time::Duration::from_secs(3));
    if stream.set_read_timeout(timeout).is_err() || stream.set_write_timeout(timeout).is_err() {
        return false;
    }
    let mut message = file.as_os_str().as_encoded_bytes().to_vec();
    message.push(b'\n');
    if stream.write_all(&message).is_err() {
        return false;
    }
    let mut answer = String::new();
    BufReader::new(stream).read_line(&mut answer).is_ok() && answer.trim() == "ok"
}

/// Without Unix sockets there is no editor to hand a file to.
#[cfg(not(unix))]
pub fn hand_over(_socket: &Path, _file: &Path) -> bool {
    false
}

/// Starts listening at `socket` for files handed over; `wake` is called (from the listening
/// thread) when one arrives. `None` when another editor listens there already, or the socket
/// cannot be made.
#[cfg(unix)]
pub fn listen(socket: &Path, wake: Box<dyn Fn() + Send>) -> Option<Listener> {
    use std::io::{BufRead, BufReader, Read, Write};
    use std::os::unix::ffi::OsStringExt;
    use std::os::unix::net::{UnixListener, UnixStream};
    let listener = match UnixListener::bind(socket) {
        Ok(l) => l,
        Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => {
            // Left by an editor that crashed, unless one answers there.
            if UnixStream::connect(socket).is_ok() {
                return None;
            }
            std::fs::remove_file(socket).ok()?;
            UnixListener::bind(socket).ok()?
        }
        Err(_) => return None,
    };
    let (tx, paths) = mpsc::channel();
    std::thread::Builder::new()
        .name("instance".into())
        .spawn(move || {
            for stream in listener.incoming().flatten() {
                let _ = stream.set_read_timeout(Some(std::time::Duration::from_secs(3)));
                let mut line = Vec::new();
                let Ok(reader) = stream.try_clone() else {
                    continue;
                };
                if BufReader::new(reader.take(MAX_MESSAGE))
                    .read_until(b'\n', &mut line)
                    .is_err()
                {
                    continue;
                }
                if line.pop() != Some(b'\n') || line.is_empty() {
                    continue;
                }
                // The path's own bytes, whatever its encoding.
                let path = PathBuf::from(std::ffi::OsString::from_vec(line));
                if tx.send(path).is_err() {
                    return;
                }
                wake();
                let mut stream = stream;
                let _ = stream.write_all(b"ok\n");
            }
        })
        .ok()?;
    Some(Listener {
        paths,
        socket: socket.to_path_buf(),
    })
}

/// Without Unix sockets, nothing listens.
#[cfg(not(unix))]
pub fn listen(_socket: &Path, _wake: Box<dyn Fn() + Send>) -> Option<Listener> {
    None
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_second_start_hands_its_file_to_the_first_and_a_stale_socket_is_replaced() {
        let dir = tempfile::tempdir().expect("dir");
        let socket = dir.path().join(SOCKET);
        // Nobody listens: nothing is handed over.
        assert!(!hand_over(&socket, Path::new("a.cmoc.ron")));
        let woken = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let w = woken.clone();
        let first = listen(
            &socket,
            Box::new(move || {
                w.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            }),
        )
        .expect("listens");
        // A second editor does not listen over the first.
        assert!(listen(&socket, Box::new(|| {})).is_none());
        let file = dir.path().join("workshop 3 — ünïcode.cmoc.ron");
        assert!(hand_over(&socket, &file));
        assert_eq!(first.take(), vec![file]);
        assert_eq!(woken.load(std::sync::atomic::Ordering::SeqCst), 1);
        // A relative name arrives absolute.
        assert!(hand_over(&socket, Path::new("relative.cmoc.ron")));
        assert!(first.take()[0].is_absolute());
        drop(first);
        assert!(!socket.exists(), "the socket goes with the editor");
        // A socket file left by a crash is taken over.
        let stale = std::os::unix::net::UnixListener::bind(&socket).expect("bind");
        drop(stale);
        assert!(socket.exists());
        assert!(listen(&socket, Box::new(|| {})).is_some());
    }
}
