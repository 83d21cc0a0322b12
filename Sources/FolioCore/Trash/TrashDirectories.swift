import Foundation

/// Where the trash folders are (freedesktop.org Trash specification): the home
/// trash, and the per-file-system trashes at the top of other mounts.
enum TrashDirectories {
    /// `$XDG_DATA_HOME/Trash`, else `$HOME/.local/share/Trash`. A relative
    /// `XDG_DATA_HOME` is ignored, as the XDG base directory specification says.
    static func homeTrash(environment: Environment) -> String {
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") { return join(data, "Trash") }
        let home = environment["HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? NSHomeDirectory()
        return join(home, ".local/share/Trash")
    }

    /// Makes `trash`, `trash/files` and `trash/info` (mode 0700) as needed: nil
    /// when ready, else what went wrong.
    static func prepare(_ trash: String) -> String? {
        let code = FileSystemCalls.makeDirectories(trash)
        if code != 0 { return "cannot create the trash folder \(PathCoding.display(trash)): \(FileSystemCalls.text(code))" }
        for sub in ["files", "info"] {
            let path = join(trash, sub)
            let code = FileSystemCalls.makeDirectory(path)
            if code != 0 { return "cannot create \(PathCoding.display(path)): \(FileSystemCalls.text(code))" }
        }
        return nil
    }

    /// The device of `path`, or of its nearest existing folder above.
    static func device(of path: String) -> dev_t? {
        var current = path
        while true {
            if let info = FileSystemCalls.status(current) { return info.st_dev }
            let parent = (current as NSString).deletingLastPathComponent
            if parent.isEmpty || parent == current { return nil }
            current = parent
        }
    }

    /// The mount point of the file system holding `path` (absolute): the
    /// highest folder above it on the same device.
    static func mountPoint(of path: String) -> String? {
        var folder = (path as NSString).deletingLastPathComponent
        if folder.isEmpty { folder = "/" }
        guard let real = LibraryScanner.realPath(folder), let info = FileSystemCalls.status(real) else { return nil }
        var current = real
        while current != "/" {
            let parent = (current as NSString).deletingLastPathComponent
            guard let above = FileSystemCalls.status(parent.isEmpty ? "/" : parent), above.st_dev == info.st_dev else { break }
            current = parent.isEmpty ? "/" : parent
        }
        return current
    }

    /// The trash for files on the file system mounted at `topdir`, made ready;
    /// `notes` says why a candidate was passed over.
    ///
    /// 1. `$topdir/.Trash/$uid` when `$topdir/.Trash` exists, is a folder, not a
    ///    symbolic link, and has the sticky bit (an administrator made it for
    ///    everyone); `$uid` is created if missing.
    /// 2. Else `$topdir/.Trash-$uid`, created with mode 0700 if missing; used
    ///    only when it is a real folder owned by this user.
    static func topdirTrash(topdir: String, uid: uid_t) -> (directory: String?, notes: [String]) {
        var notes: [String] = []
        let shared = join(topdir, ".Trash")
        if let info = FileSystemCalls.lstatus(shared) {
            if FileSystemCalls.isSymlink(info) {
                notes.append("\(shared) is a symbolic link; not used")
            } else if !FileSystemCalls.isDirectory(info) {
                notes.append("\(shared) is not a folder; not used")
            } else if info.st_mode & S_ISVTX == 0 {
                notes.append("\(shared) has no sticky bit; not used")
            } else {
                let mine = join(shared, "\(uid)")
                if let problem = ownFolder(mine, uid: uid) ?? prepare(mine) { notes.append(problem) } else { return (mine, notes) }
            }
        }
        let own = join(topdir, ".Trash-\(uid)")
        if let problem = ownFolder(own, uid: uid) ?? prepare(own) {
            notes.append(problem)
            return (nil, notes)
        }
        return (own, notes)
    }

    /// Makes `path` (0700) when missing; nil when it is a real folder of `uid`, else why not.
    private static func ownFolder(_ path: String, uid: uid_t) -> String? {
        if FileSystemCalls.lstatus(path) == nil {
            let code = FileSystemCalls.makeDirectory(path)
            if code != 0 { return "cannot create \(PathCoding.display(path)): \(FileSystemCalls.text(code))" }
        }
        guard let info = FileSystemCalls.lstatus(path) else { return "cannot read \(PathCoding.display(path))" }
        if FileSystemCalls.isSymlink(info) || !FileSystemCalls.isDirectory(info) { return "\(PathCoding.display(path)) is not a folder; not used" }
        if info.st_uid != uid { return "\(PathCoding.display(path)) belongs to another user; not used" }
        return nil
    }

    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
