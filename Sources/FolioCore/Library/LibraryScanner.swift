import Foundation

/// Lists the article files below a folder: recursive, hidden files and folders
/// skipped, symlinks followed only to regular files inside the folder, and
/// anything else that looks like an article but cannot be one reported.
public enum LibraryScanner {
    public struct Entry: Equatable, Sendable {
        /// Relative to the library folder (see `PathCoding` for odd bytes).
        public var path: String
        /// What to open: the file itself, or where its symlink leads.
        public var absolutePath: String
        public var size: Int
        /// Modification time in nanoseconds, to notice a change within the same second.
        public var modifiedNanoseconds: Int64
        public var format: ArticleFormat

        public var modified: Date { Date(nanoseconds: modifiedNanoseconds) }
    }

    public struct Skipped: Equatable, Sendable {
        public var path: String
        public var reason: String
    }

    public struct Result: Sendable {
        public var entries: [Entry] = []
        public var skipped: [Skipped] = []
    }

    public static func scan(_ root: String) -> Result {
        listing(root).result()
    }

    /// The walk behind `scan`: plain files of folders whose names are all
    /// ASCII are kept as bytes (see `Listing`), everything else as entries.
    /// `parallelStats`: a large folder is stat'ed on two threads (not by the
    /// reader's walk in the background, which would take both cores from it).
    static func listing(_ root: String, parallelStats: Bool = true) -> Listing {
        var listing = Listing(root: root)
        let rootReal = realPath(root) ?? root
        // Files are looked at relative to their folder's descriptor: the kernel
        // then does not walk the whole path again for each of them.
        let rootFD = PathCoding.withCString(root) { open($0, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        guard rootFD >= 0 else { return listing }
        defer { close(rootFD) }
        var names = FolderNames()
        var pending: [String] = [""]  // relative folders still to read
        while let folder = pending.popLast() {
            let fd = folder.isEmpty ? dup(rootFD) : PathCoding.withCString(folder) { openat(rootFD, $0, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) }
            guard fd >= 0, let dir = fdopendir(fd) else {
                if !folder.isEmpty { listing.skipped.append(Skipped(path: folder, reason: SafeFile.errnoText(errno))) }
                if fd >= 0 { close(fd) }
                continue
            }
            defer { closedir(dir) }
            names.read(dir)
            let folderPrefix = folder.isEmpty ? "" : folder + "/"
            if names.allASCII {
                // All ASCII (the common case): names are sorted and typed by their bytes,
                // and a plain file's path is kept as bytes.
                names.sortByBytes()
                names.stat(in: fd, parallel: parallelStats)
                let prefix = Array(folderPrefix.utf8)
                for k in names.order.indices.reversed() {
                    let n = names.order[k]
                    guard let info = names.info[k] else { continue }  // vanished
                    names.withName(n) { name in
                        let kind = info.mode & S_IFMT
                        if kind == S_IFDIR {
                            pending.append(ASCIINames.joined(folderPrefix, String(decoding: name, as: UTF8.self)))
                            return
                        }
                        guard let format = ASCIINames.format(ofNameBytes: name) else { return }
                        if kind == S_IFREG {
                            listing.appendPlain(prefix: prefix, name: name, size: info.size, modifiedNanoseconds: info.modifiedNanoseconds, format: format)
                        } else {
                            listing.appendOther(relative: ASCIINames.joined(folderPrefix, String(decoding: name, as: UTF8.self)),
                                                kind: kind, format: format, rootReal: rootReal)
                        }
                    }
                }
            } else {
                var info = stat()
                for name in names.decodedVisible().sorted().reversed() {
                    guard withFileName(name, { fstatat(fd, $0, &info, AT_SYMLINK_NOFOLLOW) }) == 0 else { continue }  // vanished
                    let relative = ASCIINames.joined(folderPrefix, name)
                    let kind = info.st_mode & S_IFMT
                    if kind == S_IFDIR { pending.append(relative); continue }
                    guard let format = ArticleFormat(fileName: name) else { continue }
                    if kind == S_IFREG {
                        listing.appendEntry(Entry(path: relative, absolutePath: ASCIINames.joined(root, "/", relative), size: Int(info.st_size),
                                                  modifiedNanoseconds: nanoseconds(info), format: format))
                    } else {
                        listing.appendOther(relative: relative, kind: kind, format: format, rootReal: rootReal)
                    }
                }
            }
        }
        return listing
    }

    struct LinkProblem: Error { let text: String }

    /// Where a symlink leads, if that is a regular file inside the library.
    static func followLink(_ path: String, inside root: String) -> Swift.Result<(String, stat), LinkProblem> {
        guard let target = realPath(path) else {
            return .failure(LinkProblem(text: errno == ELOOP ? "symbolic link loop" : "dangling symbolic link"))
        }
        guard target.hasPrefix(root + "/") else { return .failure(LinkProblem(text: "symbolic link points outside the folder")) }
        var info = stat()
        guard PathCoding.withCString(target, { lstat($0, &info) }) == 0 else { return .failure(LinkProblem(text: "dangling symbolic link")) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .failure(LinkProblem(text: "symbolic link to something that is not a regular file")) }
        return .success((target, info))
    }

    /// `PathCoding.withCString`, its look for carried bytes (all start with 0xF4) made with memchr.
    static func withFileName<T>(_ name: String, _ body: (UnsafePointer<CChar>) -> T) -> T {
        let plain = name.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.isEmpty || memchr(bytes.baseAddress!, 0xF4, bytes.count) == nil
        } ?? false
        return plain ? name.withCString(body) : PathCoding.withCString(name, body)
    }

    public static func realPath(_ path: String) -> String? {
        guard let resolved = PathCoding.withCString(path, { realpath($0, nil) }) else { return nil }
        defer { free(resolved) }
        let length = strlen(resolved)
        return resolved.withMemoryRebound(to: UInt8.self, capacity: length) {
            PathCoding.decode(UnsafeBufferPointer(start: $0, count: length))
        }
    }

    static func nanoseconds(_ info: stat) -> Int64 {
        Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    }
}

extension Date {
    /// A file time in nanoseconds since 1970, the same way wherever it comes from.
    init(nanoseconds: Int64) {
        self.init(timeIntervalSince1970: Double(nanoseconds) / 1e9)
    }
}
