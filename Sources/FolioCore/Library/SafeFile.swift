import Foundation

/// Reads files without trusting them: never follows a symlink itself, never
/// blocks on a FIFO or device, reads only regular files, and stops at a size cap.
public enum SafeFile {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case cannotOpen(String)
        case notRegularFile
        case readFailed(String)

        public var description: String {
            switch self {
            case .cannotOpen(let reason): return reason
            case .notRegularFile: return "not a regular file"
            case .readFailed(let reason): return "read failed: \(reason)"
            }
        }
    }

    public struct Contents {
        public var bytes: [UInt8]
        /// True when the file was longer than the cap and only its start was read.
        public var truncated: Bool
        public var size: Int
        public var modified: Date
        /// The file's last bytes, when its start alone was read and `tailBytes` asked for them.
        public var tail: [UInt8] = []
    }

    /// 32 MB: enough for any article, small enough to never exhaust memory.
    public static let defaultLimit = 32 << 20

    /// Reads `path` up to `limit` bytes; when the file is longer, also its last
    /// `tailBytes` bytes (into `tail`).
    public static func read(_ path: String, limit: Int = defaultLimit, tailBytes: Int = 0) throws(Failure) -> Contents {
        let fd = PathCoding.withCString(path) { open($0, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC) }
        guard fd >= 0 else { throw .cannotOpen(errnoText(errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .cannotOpen(errnoText(errno)) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .notRegularFile }

        let size = Int(info.st_size)
        let want = min(size, limit)
        var bytes = [UInt8](repeating: 0, count: want)
        var got = 0
        while got < want {
            let n = bytes.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress! + got, want - got) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .readFailed(errnoText(errno))
            }
            if n == 0 { break }  // truncated while we read
            got += n
        }
        if got < want { bytes.removeLast(want - got) }
        let modified = Date(timeIntervalSince1970: TimeInterval(info.st_mtim.tv_sec) + TimeInterval(info.st_mtim.tv_nsec) / 1e9)
        var contents = Contents(bytes: bytes, truncated: size > limit, size: size, modified: modified)
        if contents.truncated, tailBytes > 0 { contents.tail = try readTail(fd, size: size, count: tailBytes) }
        return contents
    }

    private static func readTail(_ fd: Int32, size: Int, count: Int) throws(Failure) -> [UInt8] {
        let want = min(size, count)
        var tail = [UInt8](repeating: 0, count: want)
        var got = 0
        while got < want {
            let n = tail.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + got, want - got, off_t(size - want + got)) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .readFailed(errnoText(errno))
            }
            if n == 0 { break }
            got += n
        }
        if got < want { tail.removeLast(want - got) }
        return tail
    }

    static func errnoText(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: return "permission denied"
        case ENOENT: return "file not found"
        case ELOOP: return "is a symbolic link"
        case EISDIR: return "is a directory"
        default: return String(cString: strerror(code))
        }
    }
}
