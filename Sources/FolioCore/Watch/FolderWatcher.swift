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
private final class WatchShared: @unchecked Sendable {
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

/// The watcher's thread: owns the inotify descriptor, the watch table and the
/// last listing, and touches them only from that thread.
private final class WatchLoop {
    struct Settings {
        var root: String
        var quietTime: TimeInterval
        var maximumDelay: TimeInterval
        var rescanInterval: TimeInterval
        var allowInotify: Bool
    }

    let settings: Settings
    let shared: WatchShared
    let wakeFD: Int32
    let root: String
    var inotifyFD: Int32 = -1
    /// Watch descriptor → folder relative to the root ("" for the root).
    var folders: [Int32: String] = [:]
    var rootWatch: Int32 = -1
    var listing: [String: FolderListing.Stamp] = [:]
    var nextRescan = 0.0
    var firstChange: Double?
    var lastChange: Double?
    /// Rescanning only because the library folder is missing: use inotify once it is back.
    var retryInotify = false

    init(settings: Settings, shared: WatchShared, wakeFD: Int32) {
        self.settings = settings
        self.shared = shared
        self.wakeFD = wakeFD
        self.root = settings.root
    }

    var mode: FolderWatcher.Mode { inotifyFD >= 0 ? .inotify : .rescan }

    func run() {
        if !(settings.allowInotify && startInotify()) {
            retryInotify = settings.allowInotify && !FolderListing.isFolder(root)
            startRescan()
        }
        shared.set(mode: mode, watches: folders.count)
        defer { stopInotify() }
        while true {
            let now = Self.now()
            var timeout = Int32(-1)
            if let first = firstChange, let last = lastChange {
                let due = min(last + settings.quietTime, first + settings.maximumDelay)
                if now >= due {
                    firstChange = nil
                    lastChange = nil
                    shared.report()
                    continue
                }
                timeout = Self.milliseconds(due - now)
            }
            if mode == .rescan {
                let untilRescan = Self.milliseconds(nextRescan - now)
                timeout = timeout < 0 ? untilRescan : min(timeout, untilRescan)
            }
            var fds = [pollfd(fd: wakeFD, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: inotifyFD, events: Int16(POLLIN), revents: 0)]
            let result = poll(&fds, 2, timeout)
            if result < 0 {
                if errno == EINTR { continue }
                usleep(100_000)  // should not happen; never spin
                continue
            }
            if fds[0].revents != 0 { return }  // stop() wrote to the pipe
            if inotifyFD >= 0 && fds[1].revents != 0 {
                if fds[1].revents & Int16(POLLIN) != 0, readEvents() { noteChange() }
                if inotifyFD >= 0, fds[1].revents & Int16(POLLERR | POLLHUP | POLLNVAL) != 0 {
                    stopInotify()
                    startRescan()
                    noteChange()
                }
                shared.set(mode: mode, watches: folders.count)
            }
            if mode == .rescan && Self.now() >= nextRescan {
                let fresh = FolderListing.list(root)
                if fresh != listing { noteChange() }
                listing = fresh
                nextRescan = Self.now() + settings.rescanInterval
                if retryInotify && FolderListing.isFolder(root) && startInotify() {
                    retryInotify = false
                    listing = [:]
                    shared.set(mode: mode, watches: folders.count)
                }
            }
        }
    }

    func noteChange() {
        let now = Self.now()
        if firstChange == nil { firstChange = now }
        lastChange = now
    }

    // MARK: inotify

    /// False when inotify cannot be used (then nothing is left open).
    func startInotify() -> Bool {
        #if os(Linux)
        let fd = inotify_init1(Int32(Inotify.cloexec | Inotify.nonblock))
        guard fd >= 0 else { return false }
        inotifyFD = fd
        guard addWatches(under: "") != .limitReached, folders.values.contains("") else {
            stopInotify()
            return false
        }
        return true
        #else
        return false
        #endif
    }

    func stopInotify() {
        if inotifyFD >= 0 { close(inotifyFD) }
        inotifyFD = -1
        folders = [:]
        rootWatch = -1
    }

    func startRescan() {
        listing = FolderListing.list(root)
        nextRescan = Self.now() + settings.rescanInterval
    }

    enum AddResult { case done, limitReached }

    /// Watches `relative` and every non-hidden folder below it.
    func addWatches(under relative: String) -> AddResult {
        #if os(Linux)
        var pending = [relative]
        while let folder = pending.popLast() {
            let absolute = folder.isEmpty ? root : root + "/" + folder
            let wd = PathCoding.withCString(absolute) { inotify_add_watch(inotifyFD, $0, Inotify.watchMask) }
            if wd < 0 {
                if errno == ENOSPC || errno == ENOMEM { return .limitReached }
                continue  // gone already, or unreadable: the scanner skips it too
            }
            folders[wd] = folder
            if folder.isEmpty { rootWatch = wd }
            for name in FolderListing.subfolders(of: absolute) {
                pending.append(folder.isEmpty ? name : folder + "/" + name)
            }
        }
        #endif
        return .done
    }

    /// Stops watching `relative` and the folders below it (moved away or deleted).
    func removeWatches(under relative: String) {
        #if os(Linux)
        for (wd, folder) in folders where folder == relative || folder.hasPrefix(relative + "/") {
            _ = inotify_rm_watch(inotifyFD, wd)
            folders[wd] = nil
        }
        #endif
    }

    /// Reads every pending event; true when one of them matters to the library.
    func readEvents() -> Bool {
        var relevant = false
        let capacity = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
        defer { buffer.deallocate() }
        while inotifyFD >= 0 {
            let count = read(inotifyFD, buffer, capacity)
            if count < 0 {
                if errno == EINTR { continue }
                break  // EAGAIN: all read
            }
            if count == 0 { break }
            var offset = 0
            while offset + 16 <= count {
                let wd = buffer.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                let mask = buffer.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                let length = Int(buffer.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                let nameBytes = UnsafeBufferPointer(start: (buffer + offset + 16).assumingMemoryBound(to: UInt8.self), count: min(length, count - offset - 16))
                let nameLength = nameBytes.firstIndex(of: 0) ?? nameBytes.count
                let name = nameLength == 0 ? "" : PathCoding.decode(UnsafeBufferPointer(rebasing: nameBytes[..<nameLength]))
                offset += 16 + length
                if handle(wd: wd, mask: mask, name: name) { relevant = true }
                if inotifyFD < 0 { return true }  // fell back to rescanning
            }
        }
        return relevant
    }

    /// Updates the watch table for one event; true when the library may have changed.
    func handle(wd: Int32, mask: UInt32, name: String) -> Bool {
        if mask & Inotify.queueOverflow != 0 {
            // Events were lost: something changed, and new folders may lack watches.
            if addWatches(under: "") == .limitReached { fallBack() }
            return true
        }
        if wd == rootWatch && mask & (Inotify.deleteSelf | Inotify.moveSelf | Inotify.ignored | Inotify.unmount) != 0 {
            // The library folder itself went away: list it until it comes back.
            fallBack()
            retryInotify = true
            return true
        }
        if mask & Inotify.ignored != 0 {
            folders[wd] = nil
            return false
        }
        guard let folder = folders[wd] else { return false }  // a watch already dropped
        if mask & (Inotify.deleteSelf | Inotify.moveSelf) != 0 { return false }  // the parent reports it
        guard !name.isEmpty, !name.hasPrefix(".") else { return false }
        let relative = folder.isEmpty ? name : folder + "/" + name
        if mask & Inotify.isDirectory != 0 {
            if mask & (Inotify.create | Inotify.movedTo) != 0 {
                if addWatches(under: relative) == .limitReached { fallBack() }
                return true
            }
            if mask & (Inotify.movedFrom | Inotify.delete) != 0 {
                removeWatches(under: relative)
                return true
            }
            return mask & Inotify.attrib != 0
        }
        return ArticleFormat(fileName: name) != nil
    }

    func fallBack() {
        stopInotify()
        startRescan()
    }

    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    static func milliseconds(_ seconds: Double) -> Int32 { Int32(max(1, min(3_600_000, (seconds * 1000).rounded(.up)))) }
}

/// The stat-only listing the fallback compares, and folder reading for the watches.
enum FolderListing {
    struct Stamp: Equatable {
        var size: Int64
        var modified: Int64
        var inode: UInt64
        var mode: UInt32
    }

    /// Article files below `root` (not hidden) with their size, time, inode and
    /// mode, and folders (by inode only: a folder's time changes with any file
    /// in it, hidden ones too).
    static func list(_ root: String) -> [String: Stamp] {
        var found: [String: Stamp] = [:]
        var pending = [""]
        while let folder = pending.popLast() {
            let absoluteFolder = folder.isEmpty ? root : root + "/" + folder
            for (name, _) in entries(of: absoluteFolder) {
                let relative = folder.isEmpty ? name : folder + "/" + name
                var info = stat()
                guard PathCoding.withCString(root + "/" + relative, { lstat($0, &info) }) == 0 else { continue }
                if info.st_mode & S_IFMT == S_IFDIR {
                    found[relative + "/"] = Stamp(size: 0, modified: 0, inode: UInt64(info.st_ino), mode: UInt32(S_IFDIR))
                    pending.append(relative)
                    continue
                }
                guard ArticleFormat(fileName: name) != nil else { continue }
                if info.st_mode & S_IFMT == S_IFLNK {
                    var target = stat()
                    if PathCoding.withCString(root + "/" + relative, { stat($0, &target) }) == 0 { info = target }
                }
                found[relative] = Stamp(size: Int64(info.st_size), modified: LibraryScanner.nanoseconds(info),
                                            inode: UInt64(info.st_ino), mode: UInt32(info.st_mode))
            }
        }
        return found
    }

    static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return PathCoding.withCString(path, { stat($0, &info) }) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// Non-hidden folders directly in `absolute` (symlinks to folders are not followed).
    static func subfolders(of absolute: String) -> [String] {
        entries(of: absolute).compactMap { name, isFolder in
            if let isFolder { return isFolder ? name : nil }
            var info = stat()
            guard PathCoding.withCString(absolute + "/" + name, { lstat($0, &info) }) == 0 else { return nil }
            return info.st_mode & S_IFMT == S_IFDIR ? name : nil
        }
    }

    /// Non-hidden names in a folder, with whether each is a folder (nil: unknown, lstat it).
    static func entries(of absolute: String) -> [(String, Bool?)] {
        guard let dir = PathCoding.withCString(absolute, { opendir($0) }) else { return [] }
        defer { closedir(dir) }
        var names: [(String, Bool?)] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: &entry.pointee.d_name) { raw -> String in
                let bytes = raw.bindMemory(to: UInt8.self)
                let length = bytes.firstIndex(of: 0) ?? bytes.count
                return PathCoding.decode(UnsafeBufferPointer(rebasing: bytes[..<length]))
            }
            if name.hasPrefix(".") { continue }
            let type = entry.pointee.d_type
            names.append((name, type == UInt8(DT_UNKNOWN) ? nil : type == UInt8(DT_DIR)))
        }
        return names
    }

}

/// The Linux inotify ABI (values from <sys/inotify.h>, stable since 2.6.13).
enum Inotify {
    static let attrib: UInt32 = 0x0000_0004
    static let closeWrite: UInt32 = 0x0000_0008
    static let movedFrom: UInt32 = 0x0000_0040
    static let movedTo: UInt32 = 0x0000_0080
    static let create: UInt32 = 0x0000_0100
    static let delete: UInt32 = 0x0000_0200
    static let deleteSelf: UInt32 = 0x0000_0400
    static let moveSelf: UInt32 = 0x0000_0800
    static let unmount: UInt32 = 0x0000_2000
    static let queueOverflow: UInt32 = 0x0000_4000
    static let ignored: UInt32 = 0x0000_8000
    static let onlyDirectory: UInt32 = 0x0100_0000
    static let dontFollow: UInt32 = 0x0200_0000
    static let isDirectory: UInt32 = 0x4000_0000
    static let cloexec = 0o2000000
    static let nonblock = 0o4000

    static let watchMask = create | closeWrite | movedFrom | movedTo | delete | deleteSelf | moveSelf | attrib | onlyDirectory | dontFollow
}
