import Foundation

/// The `.trashinfo` file of the freedesktop.org Trash specification, and the
/// names items get in a trash folder.
enum TrashInfo {
    /// The text of `NAME.trashinfo` for a file that was at `originalPath`
    /// (absolute) and deleted at `date` (written in local time, as the
    /// specification asks).
    static func text(originalPath: String, deletedAt date: Date, timeZone: TimeZone = .current) -> String {
        "[Trash Info]\nPath=\(encode(path: originalPath))\nDeletionDate=\(deletionDate(date, timeZone: timeZone))\n"
    }

    /// `YYYY-MM-DDThh:mm:ss`.
    static func deletionDate(_ date: Date, timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }

    /// The path's bytes escaped as in URLs (RFC 2396 section 2): letters,
    /// digits, `-_.!~*'()` and the `/` separators stay; every other byte
    /// (spaces, `%`, non-ASCII, undecodable bytes) becomes `%XX`.
    static func encode(path: String) -> String {
        let kept = Set("-_.!~*'()/".utf8)
        var out = ""
        for byte in PathCoding.encode(path) {
            let isAlphanumeric = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            if isAlphanumeric || kept.contains(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }

    /// The inverse of `encode(path:)`; nil for a malformed escape.
    static func decode(path: String) -> String? {
        var bytes: [UInt8] = []
        var utf8 = Array(path.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%") {
                guard utf8.count >= 2, let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) else { return nil }
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return bytes.withUnsafeBufferPointer { PathCoding.decode($0) }
    }

    /// Longest name a trash item may have: `NAME.trashinfo` must fit NAME_MAX (255 bytes).
    static let maximumNameBytes = 255 - ".trashinfo".utf8.count

    /// The name to try for the `attempt`-th time (1, 2, …): `report.txt`,
    /// `report.2.txt`, `report.3.txt`; `notes`, `notes.2`. Shortened at a
    /// character boundary when the result would be too long for the file system.
    static func candidateName(_ name: String, attempt: Int) -> String {
        var stem = name
        var ext = ""
        if let dot = name.lastIndex(of: "."), dot != name.startIndex, name.index(after: dot) != name.endIndex {
            stem = String(name[..<dot])
            ext = String(name[dot...])
        }
        let suffix = attempt > 1 ? ".\(attempt)" : ""
        if PathCoding.encode(ext).count > 32 { stem = name; ext = "" }  // not really an extension
        let room = maximumNameBytes - PathCoding.encode(suffix + ext).count
        var scalars = Array(stem.unicodeScalars)
        while PathCoding.encode(String(String.UnicodeScalarView(scalars))).count > room, !scalars.isEmpty { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars)) + suffix + ext
    }
}
