import Foundation

extension LibraryScanner {
    /// What a walk found, before it becomes `Result`: a plain file of a folder
    /// whose names are all ASCII is kept as its path's bytes, its size and time,
    /// so a caller that only compares it with the index need not make Strings
    /// for it; anything else (symlinks, folders with other names) is an `Entry`.
    struct Listing {
        let root: String
        /// The relative paths of plain files, back to back.
        private(set) var paths: [UInt8] = []
        /// In the order the walk met them: the reverse of `Result.entries`.
        private(set) var items: [Item] = []
        private(set) var entries: [Entry] = []
        var skipped: [Skipped] = []

        struct Item {
            /// Where the path starts in `paths`; for an `Entry`, -1 - its position in `entries`.
            var pathStart: Int
            var pathCount: Int
            var size: Int
            var modifiedNanoseconds: Int64
            var format: ArticleFormat

            var isPlain: Bool { pathStart >= 0 }
        }

        init(root: String) {
            self.root = root
        }

        mutating func appendPlain(prefix: [UInt8], name: UnsafeBufferPointer<UInt8>, size: Int, modifiedNanoseconds: Int64, format: ArticleFormat) {
            let start = paths.count
            paths.append(contentsOf: prefix)
            paths.append(contentsOf: name)
            items.append(Item(pathStart: start, pathCount: paths.count - start, size: size, modifiedNanoseconds: modifiedNanoseconds, format: format))
        }

        mutating func appendEntry(_ entry: Entry) {
            items.append(Item(pathStart: -1 - entries.count, pathCount: 0, size: entry.size, modifiedNanoseconds: entry.modifiedNanoseconds, format: entry.format))
            entries.append(entry)
        }

        /// A file that is not a regular one: a symlink to a regular file inside the folder is an entry, the rest skipped.
        mutating func appendOther(relative: String, kind: mode_t, format: ArticleFormat, rootReal: String) {
            let absolute = ASCIINames.joined(root, "/", relative)
            if kind == S_IFLNK {
                switch followLink(absolute, inside: rootReal) {
                case .success(let (target, targetInfo)):
                    appendEntry(Entry(path: relative, absolutePath: target, size: Int(targetInfo.st_size), modifiedNanoseconds: nanoseconds(targetInfo), format: format))
                case .failure(let reason):
                    skipped.append(Skipped(path: relative, reason: reason.text))
                }
            } else {
                skipped.append(Skipped(path: relative, reason: "not a regular file"))
            }
        }

        /// Calls `body` with a plain item's relative path.
        @inline(__always)
        func withPath<T>(_ item: Item, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
            paths.withUnsafeBufferPointer { all in
                body(UnsafeBufferPointer(start: all.baseAddress! + item.pathStart, count: item.pathCount))
            }
        }

        /// The item as the entry `scan` gives for it.
        func entry(_ item: Item) -> Entry {
            guard item.isPlain else { return entries[-1 - item.pathStart] }
            let path = withPath(item) { String(decoding: $0, as: UTF8.self) }
            return Entry(path: path, absolutePath: ASCIINames.joined(root, "/", path), size: item.size,
                         modifiedNanoseconds: item.modifiedNanoseconds, format: item.format)
        }

        /// Every item as an entry, in the order `scan` gives them.
        func result() -> Result {
            Result(entries: items.reversed().map(entry), skipped: skipped)
        }
    }
}
