#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Notices new, changed and removed article files in a library folder while
/// folio runs, so the caller can refresh the list (`LibraryIndexer.refresh`).
///
/// On Linux it uses inotify: every non-hidden folder below the root is
/// watched, and folders that appear later are added. Where inotify is missing
/// or its watch limit (`fs.inotify.max_user_watches`) is reached, it falls back
/// to comparing a stat-only listing of the folder every `rescanInterval`.
///
/// Changes come in bursts (a sync tool writing hundreds of files, an editor
/// saving through a temporary file), so they are reported once things have
/// been quiet for `quietTime`, or at the latest `maximumDelay` after the
/// first, to show progress during a long copy. Only what the library scanner
/// would list counts: files with an article extension (`.txt`, `.md`, `.html`…)
/// and folders, never hidden ones.
///
/// The watcher reads on a thread of its own, blocked in `poll` until something
/// happens (in fallback mode, until the next rescan); it never spins.
public final class FolderWatcher: @unchecked Sendable {
    public enum Mode: Equatable, Sendable {
        case stopped
        /// inotify watches every folder.
        case inotify
        /// The folder is listed every `rescanInterval` and compared.
        case rescan
    }

    public let root: String
    public let quietTime: TimeInterval
    public let maximumDelay: TimeInterval
    public let rescanInterval: TimeInterval
    let allowInotify: Bool

    /// Called on the watcher's thread each time `hasChanges` becomes true, e.g. to
    /// wake a run loop. Set it before `start()`.
    public var onChange: (@Sendable () -> Void)?

    private let lock = NSLock()
    private let shared = WatchShared()
    private var running: (loop: WatchLoop, wake: (read: Int32, write: Int32), done: DispatchSemaphore)?

    /// - Parameters:
    ///   - root: the library folder.
    ///   - quietTime: how long changes must stop before they are reported.
    ///   - maximumDelay: report at the latest this long after the first change of a burst.
    ///   - rescanInterval: how often the folder is listed when inotify cannot be used.
    ///   - useInotify: false to always rescan (tests, or file systems where inotify
    ///     sees nothing, such as some network mounts).
    public init(root: String, quietTime: TimeInterval = 0.1, maximumDelay: TimeInterval = 1,
                rescanInterval: TimeInterval = 2, useInotify: Bool = true) {
        self.root = root
        self.quietTime = quietTime
        self.maximumDelay = max(quietTime, maximumDelay)
        self.rescanInterval = rescanInterval
        self.allowInotify = useInotify
    }

    deinit { stop() }

    /// Starts watching on a background thread (no effect when already started).
    /// Returns at once; `waitUntilReady` waits until the watches are in place.
    public func start() {
        lock.lock()
        defer { lock.unlock() }
        guard running == nil else { return }
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return }  // out of descriptors: no watching
        for fd in fds {
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        }
        shared.begin(onChange: onChange)
        // The thread holds the loop and the shared state, never the watcher, so
        // releasing the watcher stops it (deinit) without a cycle.
        let loop = WatchLoop(settings: WatchLoop.Settings(root: root, quietTime: quietTime, maximumDelay: maximumDelay,
                                                          rescanInterval: rescanInterval, allowInotify: allowInotify),
                             shared: shared, wakeFD: fds[0])
        let done = DispatchSemaphore(value: 0)
        running = (loop, (fds[0], fds[1]), done)
        let thread = Thread {
            loop.run()
            done.signal()
        }
        thread.name = "folio.FolderWatcher"
        thread.qualityOfService = .utility
        thread.start()
    }

    /// Stops watching and waits for the thread to end; every file descriptor
    /// the watcher opened is closed when this returns. Changes not yet taken stay.
    public func stop() {
        lock.lock()
        let current = running
        running = nil
        lock.unlock()
        guard let current else { return }
        var byte: UInt8 = 1
        _ = write(current.wake.write, &byte, 1)
        current.done.wait()
        close(current.wake.read)
        close(current.wake.write)
        shared.end()
    }

    /// True once something changed since the last `takeChanges()` (thread-safe).
    public var hasChanges: Bool { shared.hasChanges }

    /// Whether something changed since the last call; clears the flag.
    public func takeChanges() -> Bool { shared.takeChanges() }

    /// How the folder is watched now.
    public var mode: Mode { shared.state.mode }

    /// Folders watched with inotify (0 when rescanning).
    public var watchCount: Int { shared.state.watches }

    /// Waits until the watches are in place (or the first listing is taken);
    /// false when that took longer than `timeout` or the watcher is not running.
    @discardableResult
    public func waitUntilReady(timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if shared.state.ready { return true }
            if lock.withLock({ running == nil }) || Date() >= deadline { return false }
            usleep(2_000)
        }
    }
}

/// What the watcher and its thread share, behind a lock.
final class WatchShared: @unchecked Sendable {
    private let lock = NSLock()
    private var changed = false
    private var mode = FolderWatcher.Mode.stopped
    private var ready = false
    private var watches = 0
    private var onChange: (@Sendable () -> Void)?

    func begin(onChange: (@Sendable () -> Void)?) {
        lock.withLock {
            self.onChange = onChange
            ready = false
        }
    }

    func end() {
        lock.withLock {
            mode = .stopped
            ready = false
            watches = 0
            onChange = nil
        }
    }

    var hasChanges: Bool { lock.withLock { changed } }

    func takeChanges() -> Bool {
        lock.withLock {
            defer { changed = false }
            return changed
        }
    }

    var state: (mode: FolderWatcher.Mode, watches: Int, ready: Bool) { lock.withLock { (mode, watches, ready) } }

    func report() {
        let callback = lock.withLock { () -> (@Sendable () -> Void)? in
            changed = true
            return onChange
        }
        callback?()
    }

    func set(mode: FolderWatcher.Mode, watches: Int) {
        lock.withLock {
            self.mode = mode
            self.watches = watches
            ready = true
        }
    }
}
