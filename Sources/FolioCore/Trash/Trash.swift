import Foundation

/// Moving article files to the trash and back, as the freedesktop.org Trash
/// specification describes, so file managers list, restore and empty what
/// folio deletes (and folio never unlinks an article it has not copied).
///
/// - A file on the same file system as the home trash (`$XDG_DATA_HOME/Trash`)
///   is renamed into it.
/// - A file on another file system goes to the trash at the top of that
///   mount (`$topdir/.Trash/$uid` or `$topdir/.Trash-$uid`), renamed too.
/// - When neither works (no such trash can be made, or the rename still
///   crosses devices), the file is copied into the home trash, the copy synced
///   to the disk, and only then the original removed (`TrashedItem.copied`).
///
/// Either way `NAME.trashinfo` is created first (O_EXCL claims the name), then
/// the file is moved to `files/NAME`; a clash picks `NAME.2.ext`, `NAME.3.ext`, …
public enum Trash {
    public static func move(_ path: String, environment: Environment = .process) throws(TrashError) -> TrashedItem {
        try move(path, environment: environment, uid: getuid(), now: Date(), timeZone: .current, mountPoint: TrashDirectories.mountPoint(of:))
    }

    /// `move` with its surroundings passed in, for tests: the user id, the
    /// clock, and how the mount point of a file is found.
    static func move(_ path: String, environment: Environment, uid: uid_t, now: Date, timeZone: TimeZone,
                     mountPoint: (String) -> String?) throws(TrashError) -> TrashedItem {
        guard let original = FileSystemCalls.absolute(path) else { throw .notFound(path: path) }
        guard let info = FileSystemCalls.lstatus(original) else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { throw .notFound(path: original) }
            throw .moveFailed(path: original, reason: FileSystemCalls.text(code))
        }
        guard FileSystemCalls.isRegular(info) || FileSystemCalls.isSymlink(info) else {
            throw .notAFile(path: original, kind: FileSystemCalls.kind(info))
        }
        let infoText = Array(TrashInfo.text(originalPath: original, deletedAt: now, timeZone: timeZone).utf8)

        let home = TrashDirectories.homeTrash(environment: environment)
        let homeProblem = TrashDirectories.prepare(home)
        var notes = homeProblem.map { [$0] } ?? []
        // The home trash's file system (that of its nearest existing folder when it cannot be made).
        let homeDevice = TrashDirectories.device(of: home)

        // 1. The home trash, when the file is on its file system.
        if homeDevice == info.st_dev {
            if homeProblem != nil { throw .noTrash(path: original, reason: notes.joined(separator: "; ")) }
            if let item = try place(original, info: info, in: home, infoText: infoText, copying: false) { return item }
        }
        // 2. The trash at the top of the file's own file system.
        if homeDevice != info.st_dev, let topdir = mountPoint(original) {
            let (trash, why) = TrashDirectories.topdirTrash(topdir: topdir, uid: uid)
            notes += why
            if let trash, FileSystemCalls.status(TrashDirectories.join(trash, "files"))?.st_dev == info.st_dev,
               let item = try place(original, info: info, in: trash, infoText: infoText, copying: false) {
                return item
            }
        }
        // 3. A copy in the home trash, then the original removed.
        guard homeProblem == nil else { throw .noTrash(path: original, reason: notes.joined(separator: "; ")) }
        return try place(original, info: info, in: home, infoText: infoText, copying: true)!
    }

    /// Puts the file in `trash` under the first free name: nil when a rename
    /// would cross file systems (try elsewhere), else the item.
    private static func place(_ original: String, info: stat, in trash: String, infoText: [UInt8], copying: Bool) throws(TrashError) -> TrashedItem? {
        let name = (original as NSString).lastPathComponent
        let infoFolder = TrashDirectories.join(trash, "info")
        let filesFolder = TrashDirectories.join(trash, "files")
        for attempt in 1...10_000 {
            let candidate = TrashInfo.candidateName(name, attempt: attempt)
            let infoPath = TrashDirectories.join(infoFolder, candidate + ".trashinfo")
            let trashedPath = TrashDirectories.join(filesFolder, candidate)
            let claimed = FileSystemCalls.createExclusive(infoPath, bytes: infoText)
            if claimed == EEXIST { continue }
            guard claimed == 0 else {
                throw .moveFailed(path: original, reason: "cannot write \(PathCoding.display(infoPath)): \(FileSystemCalls.text(claimed))")
            }
            // A file left in files/ without its .trashinfo still owns its name.
            if FileSystemCalls.lstatus(trashedPath) != nil {
                _ = FileSystemCalls.unlinkFile(infoPath)
                continue
            }
            let item = TrashedItem(originalPath: original, trashedPath: trashedPath, infoPath: infoPath, copied: copying)
            if !copying {
                let moved = FileSystemCalls.renameNoReplace(original, trashedPath)
                if moved == 0 {
                    FileSystemCalls.syncDirectory(filesFolder)
                    FileSystemCalls.syncDirectory((original as NSString).deletingLastPathComponent)
                    return item
                }
                _ = FileSystemCalls.unlinkFile(infoPath)
                if moved == EEXIST { continue }
                if moved == EXDEV { return nil }
                throw .moveFailed(path: original, reason: FileSystemCalls.text(moved))
            }
            let copied = FileSystemCalls.copyExclusive(original, trashedPath)
            if copied == EEXIST { _ = FileSystemCalls.unlinkFile(infoPath); continue }
            guard copied == 0 else {
                _ = FileSystemCalls.unlinkFile(infoPath)
                throw .moveFailed(path: original, reason: "cannot copy it into the trash at \(PathCoding.display(trash)) (it is on another file system): \(FileSystemCalls.text(copied))")
            }
            FileSystemCalls.syncDirectory(filesFolder)
            // The copy is on the disk; remove the original only if it is still what was copied.
            let now = FileSystemCalls.lstatus(original)
            let unchanged = now.map { $0.st_ino == info.st_ino && $0.st_size == info.st_size
                && $0.st_mtim.tv_sec == info.st_mtim.tv_sec && $0.st_mtim.tv_nsec == info.st_mtim.tv_nsec } ?? false
            let removed = unchanged ? FileSystemCalls.unlinkFile(original) : EAGAIN
            guard removed == 0 else {
                _ = FileSystemCalls.unlinkFile(trashedPath)
                _ = FileSystemCalls.unlinkFile(infoPath)
                let why = removed == EAGAIN ? "it changed while it was being copied to the trash" : "cannot remove it after copying it to the trash: \(FileSystemCalls.text(removed))"
                throw .moveFailed(path: original, reason: why)
            }
            FileSystemCalls.syncDirectory((original as NSString).deletingLastPathComponent)
            return item
        }
        throw .moveFailed(path: original, reason: "too many items named \(PathCoding.display(name)) in the trash at \(PathCoding.display(trash))")
    }

    /// Moves a trashed file back to where it was and removes its `.trashinfo`.
    /// Refuses when something exists at the original path now; recreates the
    /// original folder when it is gone.
    public static func restore(_ item: TrashedItem) throws(TrashError) {
        guard FileSystemCalls.lstatus(item.trashedPath) != nil else { throw .notInTrash(item: item) }
        if FileSystemCalls.lstatus(item.originalPath) != nil { throw .originalPathTaken(path: item.originalPath) }
        let folder = (item.originalPath as NSString).deletingLastPathComponent
        let made = FileSystemCalls.makeDirectories(folder.isEmpty ? "/" : folder, mode: 0o777)
        guard made == 0 else {
            throw .restoreFailed(path: item.originalPath, reason: "cannot create the folder \(PathCoding.display(folder)): \(FileSystemCalls.text(made))")
        }
        var moved = FileSystemCalls.renameNoReplace(item.trashedPath, item.originalPath)
        var leftCopy = false
        if moved == EXDEV {
            // Copied in from another file system: copy it back, then drop the trash copy.
            moved = FileSystemCalls.copyExclusive(item.trashedPath, item.originalPath)
            if moved == 0 {
                FileSystemCalls.syncDirectory(folder)
                leftCopy = FileSystemCalls.unlinkFile(item.trashedPath) != 0
            }
        }
        if moved == EEXIST { throw .originalPathTaken(path: item.originalPath) }
        guard moved == 0 else { throw .restoreFailed(path: item.originalPath, reason: FileSystemCalls.text(moved)) }
        FileSystemCalls.syncDirectory(folder)
        if !leftCopy {
            _ = FileSystemCalls.unlinkFile(item.infoPath)
            FileSystemCalls.syncDirectory((item.infoPath as NSString).deletingLastPathComponent)
        }
    }
}
