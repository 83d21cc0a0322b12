import Foundation
import FolioCore

/// Where the configuration file lives: an explicit path (a `--config` option),
/// else `$FOLIO_CONFIG`, else `$XDG_CONFIG_HOME/folio/config` (when absolute),
/// else `~/.config/folio/config`.
public enum ConfigLocation {
    public static func resolve(option: String? = nil, environment: Environment = .process) -> String {
        if let option, !option.isEmpty { return option }
        if let env = environment["FOLIO_CONFIG"], !env.isEmpty { return env }
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/folio/config" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.config/folio/config"
    }

    /// Configuration files larger than this are not read.
    public static let maximumSize = 1 << 20

    enum Contents: Equatable {
        case missing
        case failed(String)
        /// The text, and notes about how it was read (invalid UTF-8 replaced).
        case text(String, notes: [String])
    }

    /// Reads a configuration file: a regular file (or a link to one), at most
    /// `maximumSize` bytes; a FIFO or device is never opened.
    static func read(_ path: String) -> Contents {
        var info = stat()
        guard stat(path, &info) == 0 else {
            return errno == ENOENT || errno == ENOTDIR ? .missing : .failed("cannot read: \(String(cString: strerror(errno)))")
        }
        guard info.st_mode & S_IFMT == S_IFREG else { return .failed("cannot read: not a regular file") }
        guard Int(info.st_size) <= maximumSize else { return .failed("not read: larger than \(maximumSize / 1024) KB") }
        let handle = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard handle >= 0 else { return .failed("cannot read: \(String(cString: strerror(errno)))") }
        defer { close(handle) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while bytes.count <= maximumSize {
            let n = chunk.withUnsafeMutableBytes { Foundation.read(handle, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failed("cannot read: \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            bytes += chunk[..<n]
        }
        guard bytes.count <= maximumSize else { return .failed("not read: larger than \(maximumSize / 1024) KB") }
        if let text = String(validating: bytes, as: UTF8.self) { return .text(text, notes: []) }
        return .text(String(decoding: bytes, as: UTF8.self), notes: ["not valid UTF-8; undecodable bytes read as U+FFFD"])
    }
}
