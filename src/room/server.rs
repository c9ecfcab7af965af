//! The room's web server: axum on a tokio runtime of its own thread, bound only while joining
//! is on. The editor talks to it through [`Room`]: it shows a step (a `watch` channel every
//! phone's stream follows), drains what the phones sent (a std channel, never waited on), and
//! reads how many have joined (an atomic). Nothing here waits on the editor, and the editor
//! waits on nothing here: a slow or hostile phone costs the server a task, not the window a
//! frame.
//!
//! Connections are accepted by hand (hyper-util's builder, as `axum::serve` does) to give
//! each one a limit that `axum::serve` cannot: a phone must send its request's headers within
//! [`HEADER_TIMEOUT`], and at most [`MAX_CONNECTIONS`] are open at once; more wait in the
//! system's queue.

use super::routes;
use super::{Gate, RoomEvent, StepView};
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto::Builder;
use hyper_util::service::TowerToHyperService;
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;
use tokio::sync::{Semaphore, oneshot, watch};

/// The port tried first, so the address on the projector is the same from one workshop to
/// the next; another is taken when it is in use.
pub const PREFERRED_PORT: u16 = 8470;
/// At most this many connections are served at once (each phone keeps one open for the step
/// and opens one more to send).
pub const MAX_CONNECTIONS: usize = 1_000;
/// Connections waiting to be accepted, beyond those being served.
const LISTEN_QUEUE: i32 = 2_048;
/// A connection that has not sent its request's headers in this time is closed.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);

/// What the request handlers share.
pub(super) struct Shared {
    pub gate: Mutex<Gate>,
    pub step: watch::Sender<Arc<StepView>>,
    /// The cards shown since joining began: the only ones a phone may react to or comment on.
    pub shown: Mutex<std::collections::HashSet<u64>>,
    pub events: Mutex<mpsc::Sender<RoomEvent>>,
    pub wake: Arc<dyn Fn() + Send + Sync>,
    pub devices: AtomicUsize,
    /// Open step streams (server-sent events).
    pub streams: AtomicUsize,
    /// Four hex digits naming this room in the phones' labels.
    pub room_id: String,
}

impl Shared {
    /// Hands an event to the editor and wakes its window.
    pub fn send(&self, event: RoomEvent) {
        if let Ok(events) = self.events.lock() {
            let _ = events.send(event);
        }
        (self.wake)();
    }
}

/// Where the server listens.
#[derive(Clone, Copy, Debug)]
pub struct RoomOptions {
    /// The address to bind: every interface on the laptop for a workshop, loopback in tests.
    pub bind: IpAddr,
    /// The port; 0 tries [`PREFERRED_PORT`] first, then any free one.
    pub port: u16,
}

impl Default for RoomOptions {
    fn default() -> Self {
        Self {
            bind: IpAddr::V4(Ipv4Addr::UNSPECIFIED),
            port: 0,
        }
    }
}

/// Why joining could not begin, in the facilitator's words.
#[derive(Debug, thiserror::Error)]
pub enum RoomError {
    /// No port could be opened.
    #[error(
        "Could not open the room on this laptop's network ({0}). Another program may be using the port; try again, or restart CMOC Canvas."
    )]
    Bind(std::io::Error),
    /// The server's thread could not start.
    #[error("Could not start the room's server ({0}).")]
    Start(std::io::Error),
}

/// A room open for joining. Dropping it closes the room: the port is released and every
/// phone's connection ends.
pub struct Room {
    shared: Arc<Shared>,
    events: mpsc::Receiver<RoomEvent>,
    stop: Option<oneshot::Sender<()>>,
    port: u16,
    host: IpAddr,
    code: String,
    seq: u64,
}

impl Room {
    /// Opens the room: binds the port, starts the server's thread and makes the join code.
    /// `wake` is called (from the server's thread) whenever a phone sent something, so the
    /// window can repaint.
    pub fn start(
        options: RoomOptions,
        wake: Arc<dyn Fn() + Send + Sync>,
    ) -> Result<Room, RoomError> {
        let listener = bind(options).map_err(RoomError::Bind)?;
        listener.set_nonblocking(true).map_err(RoomError::Bind)?;
        let port = listener.local_addr().map_err(RoomError::Bind)?.port();
        let gate = Gate::new(Box::new(random_u64));
        let code = gate.code().to_string();
        let (events_tx, events) = mpsc::channel();
        let (step, _) = watch::channel(Arc::new(StepView::default()));
        let shared = Arc::new(Shared {
            gate: Mutex::new(gate),
            step,
            shown: Mutex::new(std::collections::HashSet::new()),
            events: Mutex::new(events_tx),
            wake,
            devices: AtomicUsize::new(0),
            streams: AtomicUsize::new(0),
            room_id: format!("{:04x}", random_u64() & 0xffff),
        });
        let (stop_tx, stop_rx) = oneshot::channel();
        let app = routes::router(shared.clone());
        std::thread::Builder::new()
            .name("room-server".into())
            .spawn(move || run(listener, app, stop_rx))
            .map_err(RoomError::Start)?;
        let host = if options.bind.is_unspecified() {
            lan_address()
        } else {
            options.bind
        };
        Ok(Room {
            shared,
            events,
            stop: Some(stop_tx),
            port,
            host,
            code,
            seq: 0,
        })
    }

    /// The join code shown on the projector.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The short address phones type: `http://192.168.1.20:8470`.
    pub fn address(&self) -> String {
        match self.host {
            IpAddr::V6(ip) => format!("http://[{ip}]:{}", self.port),
            IpAddr::V4(ip) => format!("http://{ip}:{}", self.port),
        }
    }

    /// The address in the QR code: the short address with the code after `#`, which the page
    /// reads and the phone never sends.
    pub fn join_link(&self) -> String {
        format!("{}/#{}", self.address(), self.code)
    }

    /// True when the laptop found no network address: phones cannot reach it.
    pub fn offline(&self) -> bool {
        self.host.is_loopback()
    }

    /// The port the server listens on.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// How many phones have joined.
    pub fn devices(&self) -> usize {
        self.shared.devices.load(Ordering::Relaxed)
    }

    /// Shows `view` to every phone (within a second: each open stream is woken now).
    pub fn show(&mut self, mut view: StepView) {
        if let Some(card) = view.card
            && let Ok(mut shown) = self.shared.shown.lock()
        {
            shown.insert(card);
        }
        let current = self.shared.step.borrow().clone();
        view.seq = current.seq;
        if *current == view {
            return;
        }
        self.seq += 1;
        view.seq = self.seq;
        self.shared.step.send_replace(Arc::new(view));
    }

    /// What the phones sent since the last call, oldest first.
    pub fn take_events(&mut self) -> Vec<RoomEvent> {
        self.events.try_iter().collect()
    }
}

impl Drop for Room {
    fn drop(&mut self) {
        // The phones are told the session has ended, then the server stops (on its own
        // thread, after a moment for that to reach them).
        let mut ended = (**self.shared.step.borrow()).clone();
        ended.open = false;
        ended.card = None;
        ended.seq = self.seq + 1;
        self.shared.step.send_replace(Arc::new(ended));
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

fn bind(options: RoomOptions) -> std::io::Result<TcpListener> {
    if options.port != 0 {
        return listen(SocketAddr::new(options.bind, options.port));
    }
    listen(SocketAddr::new(options.bind, PREFERRED_PORT))
        .or_else(|_| listen(SocketAddr::new(options.bind, 0)))
}

/// A listening socket with room in its queue for a whole room joining at once from the QR
/// code (std's `TcpListener::bind` queues 128; connections past the queue wait for a retry).
fn listen(address: SocketAddr) -> std::io::Result<TcpListener> {
    use socket2::{Domain, Socket, Type};
    let socket = Socket::new(Domain::for_address(address), Type::STREAM, None)?;
    // The port is free again as soon as the room closes, for the next session.
    socket.set_reuse_address(true)?;
    socket.bind(&address.into())?;
    socket.listen(LISTEN_QUEUE)?;
    Ok(socket.into())
}

/// The address other machines on the network reach this laptop at: the one the system would
/// send from (a UDP socket is "connected", which sends nothing); loopback when there is no
/// network.
fn lan_address() -> IpAddr {
    let found = std::net::UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0)).and_then(|s| {
        s.connect((Ipv4Addr::new(192, 0, 2, 1), 9))?;
        s.local_addr()
    });
    match found {
        Ok(addr) if !addr.ip().is_unspecified() => addr.ip(),
        _ => IpAddr::V4(Ipv4Addr::LOCALHOST),
    }
}

/// 64 random bits from the system (the join code and the phones' tokens); the time and the
/// process's address mixed when the system has none to give.
fn random_u64() -> u64 {
    getrandom::u64().unwrap_or_else(|_| {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64);
        now ^ (std::ptr::from_ref(&now) as u64).rotate_left(32)
    })
}

/// The server's thread: a single-threaded tokio runtime serving until told to stop.
fn run(listener: TcpListener, app: axum::Router, stop: oneshot::Receiver<()>) {
    let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    else {
        return;
    };
    runtime.block_on(async move {
        let Ok(listener) = tokio::net::TcpListener::from_std(listener) else {
            return;
        };
        accept_loop(listener, app, stop).await;
        // A moment for the "session ended" step to reach the phones' streams.
        tokio::time::sleep(Duration::from_millis(300)).await;
    });
    runtime.shutdown_timeout(Duration::from_millis(100));
}

async fn accept_loop(
    listener: tokio::net::TcpListener,
    app: axum::Router,
    mut stop: oneshot::Receiver<()>,
) {
    let permits = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    loop {
        let permit = tokio::select! {
            _ = &mut stop => return,
            permit = permits.clone().acquire_owned() => match permit {
                Ok(permit) => permit,
                Err(_) => return,
            },
        };
        let (stream, peer) = tokio::select! {
            _ = &mut stop => return,
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                // Out of file handles, or a connection reset before it was taken: wait a
                // little rather than spin.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        let _ = stream.set_nodelay(true);
        let service = app.clone().layer(axum::Extension(routes::Peer(peer.ip())));
        tokio::spawn(async move {
            let _permit = permit;
            let mut builder = Builder::new(TokioExecutor::new());
            builder
                .http1()
                .timer(TokioTimer::new())
                .header_read_timeout(HEADER_TIMEOUT);
            let _ = builder
                .serve_connection(TokioIo::new(stream), TowerToHyperService::new(service))
                .await;
        });
    }
}
