#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import Foundation

/// The watcher's thread: owns the inotify descriptor, the watch table and the
/// last listing, and touches them only from that thread.
final class WatchLoop {
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
