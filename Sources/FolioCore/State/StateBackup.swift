import Foundation
import Synchronization

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

    /// A copy of the database (and its WAL) in a private temporary folder, for
    /// reading a database folio may not write to. Removed when folio exits.
    static func privateCopy(of path: String) -> String? {
        let fm = FileManager.default
        let folder = NSTemporaryDirectory() + "/folio-state-\(getpid())-\(UUID().uuidString.prefix(8))"
        do {
            try fm.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let copy = folder + "/state.sqlite"
            try fm.copyItem(atPath: path, toPath: copy)
            if fm.isReadableFile(atPath: path + "-wal") { try? fm.copyItem(atPath: path + "-wal", toPath: copy + "-wal") }
            let first = temporaryFolders.withLock { folders in
                folders.append(folder)
                return folders.count == 1
            }
            if first { atexit(removeStateCopies) }
            return copy
        } catch {
            return nil
        }
    }

    static let temporaryFolders = Mutex<[String]>([])
}

/// Removes the private copies at exit (a C function for `atexit`).
private func removeStateCopies() {
    for folder in StateBackup.temporaryFolders.withLock({ $0 }) { try? FileManager.default.removeItem(atPath: folder) }
}
