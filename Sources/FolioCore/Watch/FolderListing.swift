#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import Foundation

/// The stat-only listing the fallback compares, and folder reading for the watches.
enum FolderListing {
    struct Stamp: Equatable {
        var size: Int64
        var modified: Int64
        var inode: UInt64
        var mode: UInt32
    }

    /// Article files below `root` (not hidden) with their size, time, inode and
    /// mode, and folders (by inode only: a folder's time changes with any file
    /// in it, hidden ones too).
    static func list(_ root: String) -> [String: Stamp] {
        var found: [String: Stamp] = [:]
        var pending = [""]
        while let folder = pending.popLast() {
            let absoluteFolder = folder.isEmpty ? root : root + "/" + folder
            for (name, _) in entries(of: absoluteFolder) {
                let relative = folder.isEmpty ? name : folder + "/" + name
                var info = stat()
                guard PathCoding.withCString(root + "/" + relative, { lstat($0, &info) }) == 0 else { continue }
                if info.st_mode & S_IFMT == S_IFDIR {
                    found[relative + "/"] = Stamp(size: 0, modified: 0, inode: UInt64(info.st_ino), mode: UInt32(S_IFDIR))
                    pending.append(relative)
                    continue
                }
                guard ArticleFormat(fileName: name) != nil else { continue }
                if info.st_mode & S_IFMT == S_IFLNK {
                    var target = stat()
                    if PathCoding.withCString(root + "/" + relative, { stat($0, &target) }) == 0 { info = target }
                }
                found[relative] = Stamp(size: Int64(info.st_size), modified: LibraryScanner.nanoseconds(info),
                                            inode: UInt64(info.st_ino), mode: UInt32(info.st_mode))
            }
        }
        return found
    }

    static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return PathCoding.withCString(path, { stat($0, &info) }) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// Non-hidden folders directly in `absolute` (symlinks to folders are not followed).
    static func subfolders(of absolute: String) -> [String] {
        entries(of: absolute).compactMap { name, isFolder in
            if let isFolder { return isFolder ? name : nil }
            var info = stat()
            guard PathCoding.withCString(absolute + "/" + name, { lstat($0, &info) }) == 0 else { return nil }
            return info.st_mode & S_IFMT == S_IFDIR ? name : nil
        }
    }

    /// Non-hidden names in a folder, with whether each is a folder (nil: unknown, lstat it).
    static func entries(of absolute: String) -> [(String, Bool?)] {
        guard let dir = PathCoding.withCString(absolute, { opendir($0) }) else { return [] }
        defer { closedir(dir) }
        var names: [(String, Bool?)] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: &entry.pointee.d_name) { raw -> String in
                let bytes = raw.bindMemory(to: UInt8.self)
                let length = bytes.firstIndex(of: 0) ?? bytes.count
                return PathCoding.decode(UnsafeBufferPointer(rebasing: bytes[..<length]))
            }
            if name.hasPrefix(".") { continue }
            let type = entry.pointee.d_type
            names.append((name, type == UInt8(DT_UNKNOWN) ? nil : type == UInt8(DT_DIR)))
        }
        return names
    }

}
