import Foundation

/// Copies of the state database kept before anything risky: a damaged file
/// found at start, a schema about to be upgraded.
enum StateBackup {
    /// Copies `path` (and its WAL file) to `path.<label>-<timestamp>`; returns the copy's path.
    static func keepCopy(of path: String, label: String) -> String? {
        let fm = FileManager.default
        guard fm.fileExists(atPath: path) else { return nil }
        let stamp = ISO8601DateFormatter.string(from: Date(), timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withYear, .withMonth, .withDay, .withTime])
        let copy = "\(path).\(label)-\(stamp)"
        do {
            try fm.copyItem(atPath: path, toPath: copy)
            if fm.fileExists(atPath: path + "-wal") { try? fm.copyItem(atPath: path + "-wal", toPath: copy + "-wal") }
            return copy
        } catch {
            return nil
        }
    }
}
