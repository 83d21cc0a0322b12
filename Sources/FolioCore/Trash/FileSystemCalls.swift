import Foundation

/// The few POSIX calls the trash needs, on byte-exact paths (see `PathCoding`),
/// returning `errno` values rather than throwing.
enum FileSystemCalls {
    static func lstatus(_ path: String) -> stat? {
        var info = stat()
        return PathCoding.withCString(path) { lstat($0, &info) } == 0 ? info : nil
    }

    static func status(_ path: String) -> stat? {
        var info = stat()
        return PathCoding.withCString(path) { stat($0, &info) } == 0 ? info : nil
    }

    static func isDirectory(_ info: stat) -> Bool { info.st_mode & S_IFMT == S_IFDIR }
    static func isSymlink(_ info: stat) -> Bool { info.st_mode & S_IFMT == S_IFLNK }
    static func isRegular(_ info: stat) -> Bool { info.st_mode & S_IFMT == S_IFREG }

    /// "a folder", "a FIFO", … for messages.
    static func kind(_ info: stat) -> String {
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a FIFO"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFSOCK: return "a socket"
        case S_IFLNK: return "a symbolic link"
        default: return "not a regular file"
        }
    }

    static func text(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: return "permission denied"
        case ENOENT: return "no such file or folder"
        case ENOSPC: return "the disk is full"
        case EROFS: return "the file system is read-only"
        case EDQUOT: return "the disk quota is exceeded"
        default: return String(cString: strerror(code))
        }
    }

    /// Makes a folder with `mode`; 0 when made or already a folder (not a link), else errno.
    static func makeDirectory(_ path: String, mode: mode_t = 0o700) -> Int32 {
        if PathCoding.withCString(path, { mkdir($0, mode) }) == 0 { return 0 }
        let code = errno
        guard code == EEXIST else { return code }
        guard let info = lstatus(path) else { return errno }
        return isDirectory(info) ? 0 : ENOTDIR
    }

    /// `mkdir -p`: the missing folders on the way get `mode`.
    static func makeDirectories(_ path: String, mode: mode_t = 0o700) -> Int32 {
        if let info = status(path) { return isDirectory(info) ? 0 : ENOTDIR }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty && parent != path {
            let code = makeDirectories(parent, mode: mode)
            if code != 0 { return code }
        }
        return makeDirectory(path, mode: mode)
    }

    /// The folder `path` is in with its symbolic links resolved, plus the last
    /// component as it is (so a link is named, never its target).
    static func absolute(_ path: String) -> String? {
        let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var trimmed = full
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        let name = (trimmed as NSString).lastPathComponent
        let folder = (trimmed as NSString).deletingLastPathComponent
        guard name != "." && name != "..", !name.isEmpty, name != "/",
              let real = LibraryScanner.realPath(folder.isEmpty ? "/" : folder) else { return nil }
        return (real == "/" ? "" : real) + "/" + name
    }

    /// fsync of a folder, so a rename or unlink in it is on the disk (best effort).
    static func syncDirectory(_ path: String) {
        let fd = PathCoding.withCString(path) { open($0, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    /// glibc's renameat2 (not in Swift's Glibc module), found at run time.
    private static let renameat2: RenameAt2? = {
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()

    /// rename() that never replaces what is at `to`: 0, or errno (EEXIST when `to` exists).
    static func renameNoReplace(_ from: String, _ to: String) -> Int32 {
        if let renameat2 {
            let result = PathCoding.withCString(from) { a in PathCoding.withCString(to) { b in renameat2(AT_FDCWD, a, AT_FDCWD, b, 1 /* RENAME_NOREPLACE */) } }
            if result == 0 { return 0 }
            let code = errno
            guard code == EINVAL || code == ENOSYS || code == ENOTSUP else { return code }
        }
        // A file system without RENAME_NOREPLACE: check, then rename.
        if lstatus(to) != nil { return EEXIST }
        let result = PathCoding.withCString(from) { a in PathCoding.withCString(to) { b in rename(a, b) } }
        return result == 0 ? 0 : errno
    }

    static func unlinkFile(_ path: String) -> Int32 {
        PathCoding.withCString(path) { unlink($0) } == 0 ? 0 : errno
    }

    /// Writes all of `bytes` to a new file (O_EXCL), fsynced: 0, EEXIST when the
    /// name is taken, or another errno (the partial file removed).
    static func createExclusive(_ path: String, bytes: [UInt8], mode: mode_t = 0o600) -> Int32 {
        let fd = PathCoding.withCString(path) { open($0, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode) }
        guard fd >= 0 else { return errno }
        var code = writeAll(fd, bytes)
        if code == 0 && fsync(fd) != 0 { code = errno }
        close(fd)
        if code != 0 { _ = unlinkFile(path) }
        return code
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32 {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + done, bytes.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            done += n
        }
        return 0
    }

    /// Copies the file (or symbolic link) at `from` to a new `to`, with its
    /// permissions and times, and syncs it to the disk: 0 or errno (nothing left at `to`).
    static func copyExclusive(_ from: String, _ to: String) -> Int32 {
        guard let info = lstatus(from) else { return errno }
        if isSymlink(info) {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = PathCoding.withCString(from) { readlink($0, &buffer, buffer.count - 1) }
            guard n >= 0 else { return errno }
            let made = buffer.withUnsafeBufferPointer { target in PathCoding.withCString(to) { symlink(target.baseAddress!, $0) } }
            return made == 0 ? 0 : errno
        }
        let source = PathCoding.withCString(from) { open($0, O_RDONLY | O_NOFOLLOW | O_CLOEXEC) }
        guard source >= 0 else { return errno }
        defer { close(source) }
        let target = PathCoding.withCString(to) { open($0, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600) }
        guard target >= 0 else { return errno }
        var code: Int32 = 0
        var copied = 0
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while code == 0 {
            let n = chunk.withUnsafeMutableBytes { read(source, $0.baseAddress!, $0.count) }
            if n < 0 { if errno == EINTR { continue }; code = errno; break }
            if n == 0 { break }
            code = writeAll(target, Array(chunk[0..<n]))
            copied += n
        }
        if code == 0 && copied != Int(info.st_size) { code = EIO }  // changed while copied
        if code == 0 {
            _ = fchmod(target, info.st_mode & 0o7777)
            var times = [info.st_atim, info.st_mtim]
            _ = futimens(target, &times)
            if fsync(target) != 0 { code = errno }
        }
        if close(target) != 0 && code == 0 { code = errno }
        if code != 0 { _ = unlinkFile(to) }
        return code
    }
}
