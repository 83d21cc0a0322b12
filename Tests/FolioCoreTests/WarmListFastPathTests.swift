import Foundation
import GRDB
import Testing
@testable import FolioCore

/// The warm list's byte-level walk, comparison and index reading against the
/// plain String versions they replaced, on random folders and index rows.
struct WarmListFastPathTests {
    // MARK: - Reference versions (the code before the byte-level walk)

    /// The walk as it was: every name a String, sorted as Strings.
    static func referenceScan(_ root: String) -> LibraryScanner.Result {
        var result = LibraryScanner.Result()
        let rootReal = LibraryScanner.realPath(root) ?? root
        let rootFD = PathCoding.withCString(root) { open($0, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        guard rootFD >= 0 else { return result }
        defer { close(rootFD) }
        var pending: [String] = [""]
        while let folder = pending.popLast() {
            let fd = folder.isEmpty ? dup(rootFD) : PathCoding.withCString(folder) { openat(rootFD, $0, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) }
            guard fd >= 0, let dir = fdopendir(fd) else {
                if !folder.isEmpty { result.skipped.append(.init(path: folder, reason: SafeFile.errnoText(errno))) }
                if fd >= 0 { close(fd) }
                continue
            }
            defer { closedir(dir) }
            var names: [String] = []
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: &entry.pointee.d_name) { raw -> String in
                    let bytes = raw.bindMemory(to: UInt8.self)
                    return PathCoding.decode(UnsafeBufferPointer(rebasing: bytes[..<(bytes.firstIndex(of: 0) ?? bytes.count)]))
                }
                if name.hasPrefix(".") { continue }
                names.append(name)
            }
            let folderPrefix = folder.isEmpty ? "" : folder + "/"
            for name in names.sorted().reversed() {
                var info = stat()
                guard PathCoding.withCString(name, { fstatat(fd, $0, &info, AT_SYMLINK_NOFOLLOW) }) == 0 else { continue }
                let relative = folderPrefix + name
                let kind = info.st_mode & S_IFMT
                if kind == S_IFDIR { pending.append(relative); continue }
                guard let format = ArticleFormat(fileName: name) else { continue }
                let absolute = root + "/" + relative
                if kind == S_IFREG {
                    result.entries.append(.init(path: relative, absolutePath: absolute, size: Int(info.st_size),
                                                modifiedNanoseconds: LibraryScanner.nanoseconds(info), format: format))
                } else if kind == S_IFLNK {
                    switch LibraryScanner.followLink(absolute, inside: rootReal) {
                    case .success(let (target, targetInfo)):
                        result.entries.append(.init(path: relative, absolutePath: target, size: Int(targetInfo.st_size),
                                                    modifiedNanoseconds: LibraryScanner.nanoseconds(targetInfo), format: format))
                    case .failure(let reason):
                        result.skipped.append(.init(path: relative, reason: reason.text))
                    }
                } else {
                    result.skipped.append(.init(path: relative, reason: "not a regular file"))
                }
            }
        }
        result.entries.reverse()
        return result
    }

    /// The comparison as it was: every entry looked up by its String path.
    static func referenceChanges(_ scan: LibraryScanner.Result, known: [IndexedFile], withoutText: Set<String>)
        -> (stale: [LibraryScanner.Entry], removed: [String]) {
        var byPath: [String: Int] = [:]
        for (i, file) in known.enumerated() { byPath[file.path] = i }
        var stale: [LibraryScanner.Entry] = []
        var met = [Bool](repeating: false, count: known.count)
        for entry in scan.entries {
            if let old = byPath[entry.path] {
                met[old] = true
                if known[old].matches(entry) && !withoutText.contains(entry.path) { continue }
            }
            stale.append(entry)
        }
        if byPath.count != known.count {
            let present = Set(scan.entries.map(\.path))
            return (stale, known.map(\.path).filter { !present.contains($0) })
        }
        return (stale, known.indices.filter { !met[$0] }.map { known[$0].path })
    }

    // MARK: - Random folders

    static let asciiPieces = ["a", "B", "z", "-", ".", "txt", "TXT", "md", "html", "htm", "0", "_", "abcdefgh", "abcdefghijklmnop", " "]
    static let otherPieces = ["\u{E9}", "e\u{301}", "\u{212A}", "K", ".\u{301}"]
    static let extensions = [".txt", ".md", ".html", ".HTM", ".markdown", ".pdf", "", ".text"]

    static func name(_ random: inout SystemRandomNumberGenerator, ascii: Bool) -> String {
        let pieces = ascii ? asciiPieces : asciiPieces + otherPieces
        var name = (0..<Int.random(in: 1...4, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
        if Int.random(in: 0..<12, using: &random) == 0 { name = "." + name }
        return name + extensions.randomElement(using: &random)!
    }

    /// A folder of random files, subfolders, symlinks and a FIFO; `big` puts many names in one folder.
    static func makeFolder(_ random: inout SystemRandomNumberGenerator, ascii: Bool, big: Bool = false) throws -> TempFolder {
        let temp = try TempFolder()
        let folders = ["", "sub", "sub/deeper", ascii ? "other" : "caf\u{E9}", "abcdefghijklmnopq"]
        for folder in folders { try temp.mkdir(folder.isEmpty ? "." : folder) }
        let count = big ? FolderNames.parallelStats + Int.random(in: 1...200, using: &random) : Int.random(in: 0...40, using: &random)
        var written: [String] = []
        for _ in 0..<count {
            let folder = big ? "" : folders.randomElement(using: &random)!
            let file = name(&random, ascii: ascii)
            if file == "." || file == ".." { continue }
            let relative = (folder.isEmpty ? "" : folder + "/") + file
            try temp.write(relative, String(repeating: "x", count: Int.random(in: 0...50, using: &random)))
            written.append(relative)
        }
        if !big {
            // Links: to a file inside, dangling, outside, to a folder; a FIFO.
            if let target = written.first {
                symlink(temp.path + "/" + target, temp.path + "/sub/link-in.md")
            }
            symlink(temp.path + "/missing.txt", temp.path + "/dangling.txt")
            symlink("/etc/hostname", temp.path + "/outside.txt")
            symlink(temp.path + "/sub", temp.path + "/folder-link.md")
            mkfifo(temp.path + "/pipe.txt", 0o600)
        }
        return temp
    }

    @Test func theWalkGivesWhatTheStringWalkGave() throws {
        var random = SystemRandomNumberGenerator()
        for round in 0..<30 {
            let temp = try Self.makeFolder(&random, ascii: round % 3 != 0, big: round % 10 == 9)
            let fast = LibraryScanner.scan(temp.path)
            let plain = Self.referenceScan(temp.path)
            #expect(fast.entries == plain.entries)
            #expect(fast.skipped == plain.skipped)
            // The reader's walk in the background stats on one thread: the same result.
            let single = LibraryScanner.listing(temp.path, parallelStats: false).result()
            #expect(single.entries == plain.entries)
            #expect(single.skipped == plain.skipped)
        }
    }

    @Test func namesSortByBytesAsStringsSort() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let names = Array(Set((0..<Int.random(in: 0...60, using: &random)).map { _ in Self.name(&random, ascii: true) }))
                .filter { !$0.hasPrefix(".") }
            let folder = try! TempFolder()
            for name in names { try! folder.write(name, "") }
            var read = FolderNames()
            let dir = opendir(folder.path)!
            read.read(dir)
            closedir(dir)
            #expect(read.allASCII)
            read.sortByBytes()
            #expect(read.order.map { n in read.withName(n) { String(decoding: $0, as: UTF8.self) } } == names.sorted())
        }
    }

    /// What the index might know of a folder: its files as they are, some changed, some
    /// gone, some that never were, some under another root, odd paths.
    static func known(for scan: LibraryScanner.Result, root: String, _ random: inout SystemRandomNumberGenerator) -> [IndexedFile] {
        var files: [IndexedFile] = scan.entries.compactMap { entry in
            var file = IndexedFile(path: entry.path, absolutePath: entry.absolutePath, size: entry.size,
                                   modifiedNanoseconds: entry.modifiedNanoseconds, outcome: .problem("-"))
            switch Int.random(in: 0..<14, using: &random) {
            case 0: return nil  // new since
            case 1: file.size += 1
            case 2: file.modifiedNanoseconds += 1
            case 3: file.absolutePath = "/elsewhere/" + entry.path
            case 4: file.absolutePath = root + "//" + entry.path
            default: break
            }
            return file
        }
        for _ in 0..<Int.random(in: 0...3, using: &random) {
            let path = name(&random, ascii: Bool.random(using: &random))
            files.append(IndexedFile(path: path, absolutePath: root + "/" + path, size: 0, modifiedNanoseconds: 0, outcome: .problem("-")))
        }
        // As the index gives them: byte order of path, each path once.
        var seen = Set<[UInt8]>()
        files = files.filter { seen.insert(Array($0.path.utf8)).inserted }
        files.sort { ASCIINames.compareBytes($0.path, $1.path)! < 0 }
        if Int.random(in: 0..<6, using: &random) == 0 { files.shuffle(using: &random) }
        return files
    }

    @Test func changesAreWhatTheStringComparisonFound() throws {
        var random = SystemRandomNumberGenerator()
        for round in 0..<40 {
            let temp = try Self.makeFolder(&random, ascii: round % 4 != 0, big: round % 13 == 12)
            let scan = Self.referenceScan(temp.path)
            let known = Self.known(for: scan, root: temp.path, &random)
            var withoutText = Set<String>()
            if round % 3 == 0 { withoutText = Set(known.map(\.path).filter { _ in Bool.random(using: &random) }) }
            let fast = LibraryChanges(root: temp.path, known: known, withoutText: withoutText)
            let plain = Self.referenceChanges(scan, known: known, withoutText: withoutText)
            #expect(fast.stale == plain.stale, "round \(round)")
            #expect(fast.removed == plain.removed, "round \(round)")
            #expect(fast.skipped == scan.skipped)
        }
    }

    @Test func aFileEqualOnlyAsAStringIsComparedAsAString() throws {
        // "K" and KELVIN SIGN are equal Strings with different bytes: the index's entry for one
        // answers for the other, as the String comparison has it.
        for (onDisk, indexed) in [("K.txt", "\u{212A}.txt"), ("\u{212A}.txt", "K.txt")] {
            let temp = try TempFolder()
            try temp.write(onDisk, "k")
            let scan = Self.referenceScan(temp.path)
            let entry = try #require(scan.entries.first)
            let known = [IndexedFile(path: indexed, absolutePath: entry.absolutePath, size: entry.size,
                                     modifiedNanoseconds: entry.modifiedNanoseconds, outcome: .problem("-"))]
            let fast = LibraryChanges(root: temp.path, known: known, withoutText: [])
            let plain = Self.referenceChanges(scan, known: known, withoutText: [])
            #expect(fast.stale == plain.stale && fast.removed == plain.removed, "\(onDisk)")
        }
    }

    // MARK: - Index rows

    /// `files(under:)` as it was, through GRDB rows.
    static func referenceFiles(_ store: IndexStore, root: String) throws -> [IndexedFile] {
        try store.queue.read { db in
            try Row.fetchAll(db, sql: """
                SELECT path, absolute_path, size, mtime_ns, problem, identity, title, source, author, date, words, format, tags
                FROM indexed_file WHERE root = ?
                """, arguments: [root]).map { row in
                let path: String = row[0]
                let absolutePath: String = row[1]
                let mtime: Int64 = row[3]
                let outcome: IndexedFile.Outcome
                if let problem: String = row[4] {
                    outcome = .problem(problem)
                } else {
                    let date: Double? = row[9]
                    let tags: String? = row[12]
                    outcome = .article(ArticleSummary(
                        path: path, absolutePath: absolutePath, identity: ArticleIdentity(rawValue: row[5]), title: row[6],
                        source: row[7], author: row[8], date: date.map { Date(timeIntervalSince1970: $0) },
                        fileDate: Date(nanoseconds: mtime), words: row[10],
                        format: ArticleFormat(rawValue: row[11]) ?? .text,
                        tags: tags.map { $0.split(separator: "\n").map(String.init) } ?? []))
                }
                return IndexedFile(path: path, absolutePath: absolutePath, size: row[2], modifiedNanoseconds: mtime, outcome: outcome)
            }
        }
    }

    static let textPieces = ["a", "Harbour", " ", "\n", "\r\n", "\r", "\u{E9}", "e\u{301}", "\u{1F1EB}\u{1F1F7}", "\u{0}", "tag", "abcdefghijklmnopqrstuvwxyz"]

    static func text(_ random: inout SystemRandomNumberGenerator) -> String {
        (0..<Int.random(in: 0...6, using: &random)).map { _ in textPieces.randomElement(using: &random)! }.joined()
    }

    @Test func indexRowsReadAsGRDBReadThem() throws {
        var random = SystemRandomNumberGenerator()
        let temp = try TempFolder()
        let store = IndexStore.open(path: temp.path + "/index.sqlite")
        try store.queue.write { db in
            for i in 0..<400 {
                let problem: String? = i % 9 == 0 ? Self.text(&random) : nil
                let format = ["text", "markdown", "html", "pdf", "HTML", "htm"].randomElement(using: &random)!
                let date: DatabaseValue = [DatabaseValue.null, 0.0.databaseValue, 1.7e9.databaseValue, (-86_400.5).databaseValue, 42.databaseValue]
                    .randomElement(using: &random)!
                try db.execute(sql: """
                    INSERT INTO indexed_file (root, path, absolute_path, size, mtime_ns, problem, identity, title, source, author, date, words, format, tags)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [i % 5 == 0 ? "/other" : "/r", "p\(i)/" + Self.text(&random), "/r/p\(i)/" + Self.text(&random),
                                     Int.random(in: 0...100_000, using: &random), Int64.random(in: -1...1_800_000_000_000_000_000, using: &random),
                                     problem, "id" + Self.text(&random), Self.text(&random),
                                     Bool.random(using: &random) ? nil : Self.text(&random), Bool.random(using: &random) ? nil : Self.text(&random),
                                     date, Int.random(in: 0...20_000, using: &random), format,
                                     Bool.random(using: &random) ? nil : Self.text(&random)])
            }
            // Bytes that are not UTF-8, as text.
            try db.execute(sql: """
                INSERT INTO indexed_file (root, path, absolute_path, size, mtime_ns, identity, title, words, format, tags)
                VALUES ('/r', CAST(x'66ff' AS TEXT), CAST(x'2f72c3' AS TEXT), 1, 2, 'id', CAST(x'41e28222' AS TEXT), 3, 'text', CAST(x'610a62ff0a' AS TEXT))
                """)
        }
        for root in ["/r", "/other", "/none"] {
            #expect(try store.files(under: root) == Self.referenceFiles(store, root: root))
        }
    }

    // MARK: - Library

    @Test func takingSummariesGivesTheLibraryCopyingThemGave() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let files = (0..<Int.random(in: 0...30, using: &random)).map { i -> IndexedFile in
                let path = "f\(Int.random(in: 0...20, using: &random))-\(i).txt"
                let outcome: IndexedFile.Outcome = Bool.random(using: &random) ? .problem("bad \(i)") : .article(ArticleSummary(
                    path: path, absolutePath: "/r/" + path, identity: ArticleIdentity(rawValue: "id\(i)"), title: "T\(i)", source: nil,
                    author: nil, date: nil, fileDate: Date(timeIntervalSince1970: Double(i)), words: i, format: .text, tags: ["t"]))
                return IndexedFile(path: path, absolutePath: "/r/" + path, size: i, modifiedNanoseconds: 0, outcome: outcome)
            }
            let skipped = [LibraryScanner.Skipped(path: "z", reason: "not a regular file"), LibraryScanner.Skipped(path: "a", reason: "x")]
            var taken = files
            let moved = Library(taking: &taken, skipped: skipped, root: "/r")
            let copied = Library(files: files, skipped: skipped, root: "/r")
            #expect(moved.articles == copied.articles)
            #expect(moved.problems == copied.problems)
        }
    }
}
