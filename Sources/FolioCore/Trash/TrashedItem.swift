import Foundation

/// An article file that `Trash.move` put in a trash folder: everything
/// `Trash.restore` needs to put it back.
public struct TrashedItem: Equatable, Sendable, Codable {
    /// Where the file was (absolute, its folder's symbolic links resolved).
    public var originalPath: String
    /// Where the file is now: `TRASH/files/NAME`.
    public var trashedPath: String
    /// Its `TRASH/info/NAME.trashinfo`.
    public var infoPath: String
    /// True when the file could not be renamed into a trash folder on its own
    /// file system and was copied into the home trash instead (then synced
    /// and only then removed from where it was).
    public var copied: Bool

    public init(originalPath: String, trashedPath: String, infoPath: String, copied: Bool = false) {
        self.originalPath = originalPath
        self.trashedPath = trashedPath
        self.infoPath = infoPath
        self.copied = copied
    }

    /// The trash folder holding the item (the one with `files/` and `info/`).
    public var trashDirectory: String {
        ((trashedPath as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent
    }
}

/// Why a file could not be moved to the trash or restored from it; the file
/// is then where it was.
public enum TrashError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Nothing at that path.
    case notFound(path: String)
    /// A folder, FIFO, device or socket: folio only trashes files.
    case notAFile(path: String, kind: String)
    /// No trash folder could be found or made; `reason` says why.
    case noTrash(path: String, reason: String)
    /// The file could not be moved into the trash.
    case moveFailed(path: String, reason: String)
    /// The trashed file is gone (the trash was emptied, or it was restored already).
    case notInTrash(item: TrashedItem)
    /// Something exists at the original path again.
    case originalPathTaken(path: String)
    /// The file could not be moved back out of the trash.
    case restoreFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .notFound(let path):
            return "\(PathCoding.display(path)): no such file; nothing was moved to the trash"
        case .notAFile(let path, let kind):
            return "\(PathCoding.display(path)) is \(kind); folio only moves article files to the trash"
        case .noTrash(let path, let reason):
            return "cannot move \(PathCoding.display(path)) to the trash: \(reason); the file was left where it is"
        case .moveFailed(let path, let reason):
            return "cannot move \(PathCoding.display(path)) to the trash: \(reason); the file was left where it is"
        case .notInTrash(let item):
            return "cannot restore \(PathCoding.display(item.originalPath)): it is no longer in the trash at "
                + "\(PathCoding.display(item.trashedPath)) (was the trash emptied?)"
        case .originalPathTaken(let path):
            return "cannot restore \(PathCoding.display(path)): something else is there now; "
                + "move or rename it, then restore again (the article is still in the trash)"
        case .restoreFailed(let path, let reason):
            return "cannot restore \(PathCoding.display(path)): \(reason); the article is still in the trash"
        }
    }
}
