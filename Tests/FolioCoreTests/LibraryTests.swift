import Foundation
import Testing
@testable import FolioCore

struct LibraryTests {
    static let story = """
    Harbour lights return

    The harbour lights were switched back on last night after a winter of repairs, and the quay was full of people who had come to watch.

    Fishermen said the new lamps are brighter than the old ones and much easier to see from the mouth of the estuary.
    """

    func summary(_ library: Library, _ path: String) -> ArticleSummary? { library.articles.first { $0.path == path } }
    func problem(_ library: Library, _ path: String) -> Library.Problem? { library.problems.first { $0.path == path } }

    // MARK: identity across rename

    @Test func identitySurvivesRenameAndMove() throws {
        let temp = try TempFolder()
        try temp.write("inbox/harbour-lights.txt", Self.story)
        try temp.write("inbox/clip.md", "---\ntitle: A clip\nsource: https://www.example.org/clip/\n---\nSome text of the clip.\n")
        let state = try StateStore(path: temp.path + "-state.sqlite")
        defer { try? FileManager.default.removeItem(atPath: temp.path + "-state.sqlite") }

        let before = Library.load(temp.path)
        #expect(before.problems.isEmpty)
        let story = try #require(summary(before, "inbox/harbour-lights.txt"))
        let clip = try #require(summary(before, "inbox/clip.md"))
        #expect(story.identity.rawValue.hasPrefix("sha256:"))
        #expect(clip.identity.rawValue == "url:https://example.org/clip")
        try state.setRead(true, for: [story.identity, clip.identity])

        try temp.mkdir("archive/2026")
        try FileManager.default.moveItem(atPath: temp.path + "/inbox/harbour-lights.txt", toPath: temp.path + "/archive/2026/Harbour Lights (saved).txt")
        try FileManager.default.moveItem(atPath: temp.path + "/inbox/clip.md", toPath: temp.path + "/archive/renamed-clip.markdown")

        let after = Library.load(temp.path)
        #expect(after.articles.count == 2)
        let movedStory = try #require(summary(after, "archive/2026/Harbour Lights (saved).txt"))
        let movedClip = try #require(summary(after, "archive/renamed-clip.markdown"))
        #expect(movedStory.identity == story.identity)
        #expect(movedClip.identity == clip.identity)
        #expect(movedStory.title == "Harbour lights return")

        let read = try StateStore(path: temp.path + "-state.sqlite").readIdentities()
        #expect(read.contains(movedStory.identity))
        #expect(read.contains(movedClip.identity))
    }

    @Test func identityDirectlyFromLoaderAfterMove() throws {
        let temp = try TempFolder()
        let first = try temp.write("a.txt", Self.story)
        let one = try ArticleLoader.load(first).get()
        try temp.mkdir("sub")
        try FileManager.default.moveItem(atPath: first, toPath: temp.path + "/sub/b.text")
        let two = try ArticleLoader.load(temp.path + "/sub/b.text").get()
        #expect(one.identity == two.identity)
        #expect(one.article == two.article)
    }

    // MARK: scanning

    @Test(.timeLimit(.minutes(1)))
    func scanFindsArticlesAndReportsProblems() throws {
        let temp = try TempFolder()
        let outside = try TempFolder()
        try outside.write("elsewhere.txt", Self.story)

        try temp.write("top.txt", Self.story)
        try temp.write("a/b/c/deep.md", "# Deep note\n\nDeep in the folders, this note still counts.\n")
        try temp.write("UPPER.HTML", "<html><head><title>Shouting</title></head><body><p>Upper-case extension still loads.</p></body></html>")
        try temp.write(".hidden-draft.txt", Self.story)
        try temp.write(".trash/old.txt", Self.story)
        try temp.write("a/.cache/cached.md", "# Cached\n")
        try temp.write("notes.pdf", "%PDF-1.4 not an article")
        try temp.write("picture.png", "not an article")
        try temp.write("README", "no extension")
        try temp.write(".md", "a hidden file named only by its extension")
        try temp.write("empty.txt", "")
        try temp.write("blank.md", "  \n\n  \n")
        try temp.write("blob.md", bytes: [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x3E, 0x00])
        try temp.write("real/target.txt", Self.story)
        try FileManager.default.createSymbolicLink(atPath: temp.path + "/link-inside.txt", withDestinationPath: "real/target.txt")
        try FileManager.default.createSymbolicLink(atPath: temp.path + "/link-outside.txt", withDestinationPath: outside.path + "/elsewhere.txt")
        try FileManager.default.createSymbolicLink(atPath: temp.path + "/dangling.md", withDestinationPath: "nowhere/missing.md")
        try FileManager.default.createSymbolicLink(atPath: temp.path + "/loop.txt", withDestinationPath: "loop.txt")
        try FileManager.default.createSymbolicLink(atPath: temp.path + "/dirlink.md", withDestinationPath: "a")
        #expect(mkfifo(temp.path + "/x.txt", 0o644) == 0)
        try temp.write("x.md/inside.txt", Self.story)
        try temp.write("two\nlines.txt", Self.story)
        // A name with a byte that is not UTF-8: "caf\xE9.txt".
        let rawName: [UInt8] = Array((temp.path + "/caf").utf8) + [0xE9] + Array(".txt".utf8) + [0]
        let fd = rawName.withUnsafeBufferPointer { $0.baseAddress!.withMemoryRebound(to: CChar.self, capacity: rawName.count) { open($0, O_WRONLY | O_CREAT | O_EXCL, 0o644) } }
        #expect(fd >= 0)
        let data = Array(Self.story.utf8)
        #expect(write(fd, data, data.count) == data.count)
        close(fd)

        let library = Library.load(temp.path)
        let oddName = "caf\u{10FFE9}.txt"
        let paths = Set(library.articles.map(\.path))
        #expect(paths == ["top.txt", "a/b/c/deep.md", "UPPER.HTML", "real/target.txt", "link-inside.txt", "x.md/inside.txt", "two\nlines.txt", oddName])

        // Problems: reported, not crashing, and nothing ignored silently.
        let problems = Dictionary(library.problems.map { ($0.path, $0.reason) }, uniquingKeysWith: { a, _ in a })
        #expect(Set(problems.keys) == ["empty.txt", "blank.md", "blob.md", "link-outside.txt", "dangling.md", "loop.txt", "dirlink.md", "x.txt"])
        #expect(problems["empty.txt"] == "empty file")
        #expect(problems["blank.md"] == "empty file")
        #expect(problems["blob.md"] == "binary file, not text")
        #expect(problems["link-outside.txt"] == "symbolic link points outside the folder")
        #expect(problems["dangling.md"] == "dangling symbolic link")
        #expect(problems["loop.txt"] == "symbolic link loop")
        #expect(problems["dirlink.md"] == "symbolic link to something that is not a regular file")
        #expect(problems["x.txt"] == "not a regular file")

        // Symlinks lead to their target; the target's content gives the same identity.
        let link = try #require(summary(library, "link-inside.txt"))
        let target = try #require(summary(library, "real/target.txt"))
        #expect(link.absolutePath == temp.path + "/real/target.txt")
        #expect(link.identity == target.identity)

        #expect(summary(library, "a/b/c/deep.md")?.title == "Deep note")
        #expect(summary(library, "UPPER.HTML")?.format == .html)
        #expect(summary(library, "x.md/inside.txt")?.format == .text)

        let newline = try #require(summary(library, "two\nlines.txt"))
        #expect(newline.title == "Harbour lights return")
        let odd = try #require(summary(library, oddName))
        #expect(odd.title == "Harbour lights return")
        #expect(PathCoding.display(odd.path) == "caf\u{FFFD}.txt")
        #expect(PathCoding.encode(odd.absolutePath) == Array(rawName.dropLast()))
    }

    @Test(.timeLimit(.minutes(1)))
    func loaderDoesNotBlockOnFIFOOrFollowSymlinks() throws {
        let temp = try TempFolder()
        #expect(mkfifo(temp.path + "/pipe.txt", 0o644) == 0)
        #expect(ArticleLoader.load(temp.path + "/pipe.txt").failureReason == "not a regular file")
        try temp.write("real.txt", Self.story)
        try FileManager.default.createSymbolicLink(atPath: temp.path + "/link.txt", withDestinationPath: "real.txt")
        #expect(ArticleLoader.load(temp.path + "/link.txt").failureReason == "is a symbolic link")
        #expect(ArticleLoader.load(temp.path + "/missing.txt").failureReason == "file not found")
        #expect(ArticleLoader.load(temp.path + "/real.pdf").failureReason?.hasPrefix("not an article file") == true)
        try temp.mkdir("folder.md")
        #expect(ArticleLoader.load(temp.path + "/folder.md").failureReason != nil)
    }

    @Test func scanIsCompleteAndStable() throws {
        let temp = try TempFolder()
        for name in ["b.txt", "a.txt", "c/z.md", "c/a.md", "d.md"] { try temp.write(name, Self.story + name) }
        let scan = LibraryScanner.scan(temp.path)
        // The order is not sorted by path (callers sort by date); it must only be complete and repeatable.
        #expect(scan.entries.map(\.path).sorted() == ["a.txt", "b.txt", "c/a.md", "c/z.md", "d.md"])
        #expect(scan.entries.first { $0.path == "c/z.md" }?.absolutePath == temp.path + "/c/z.md")
        #expect(scan.entries.first { $0.path == "d.md" }?.format == .markdown)
        #expect(scan.skipped.isEmpty)
        #expect(LibraryScanner.scan(temp.path).entries == scan.entries)
    }

    @Test func missingLibraryFolderIsEmpty() throws {
        let temp = try TempFolder()
        let library = Library.load(temp.path + "/does-not-exist")
        #expect(library.articles.isEmpty)
    }

    @Test func summaryFields() throws {
        let temp = try TempFolder()
        let path = try temp.write("clips/story.md", """
        ---
        title: Summary fields
        author: "[[Ana Ruiz]]"
        published: 2026-02-14
        site_name: Example Review
        ---
        \(words(460))
        """)
        let library = Library.load(temp.path)
        let s = try #require(library.articles.first)
        #expect(s.path == "clips/story.md")
        #expect(s.absolutePath == path)
        #expect(s.title == "Summary fields")
        #expect(s.author == "Ana Ruiz")
        #expect(s.source == "Example Review")
        #expect(s.date == utc(2026, 2, 14))
        #expect(s.sortDate == utc(2026, 2, 14))
        #expect(s.words == 460)
        #expect(s.readingMinutes == 2)
        #expect(s.format == .markdown)
        let modified = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        #expect(abs(s.fileDate.timeIntervalSince(modified ?? .distantPast)) < 1)
    }

    @Test(arguments: [
        ("story.txt", ArticleFormat.text), ("story.TEXT", .text), ("clip.md", .markdown), ("clip.Markdown", .markdown),
        ("page.html", .html), ("page.htm", .html), ("page.xhtml", .html),
    ] as [(String, ArticleFormat)])
    func formatFromFileName(_ name: String, _ format: ArticleFormat) {
        #expect(ArticleFormat(fileName: name) == format)
    }

    @Test(arguments: ["story.pdf", "README", ".md", "archive.tar.gz", "notes.txt.bak", "md"])
    func notArticleFileNames(_ name: String) {
        #expect(ArticleFormat(fileName: name) == nil)
    }

    @Test func pathCodingRoundTrip() {
        let bytes: [UInt8] = [0x63, 0x61, 0x66, 0xE9, 0x2F, 0xC3, 0xA9, 0xFF, 0x0A]
        let decoded = bytes.withUnsafeBufferPointer { PathCoding.decode($0) }
        #expect(PathCoding.encode(decoded) == bytes)
        #expect(PathCoding.display(decoded) == "caf\u{FFFD}/é\u{FFFD}\n")
        let valid = Array("Grüße/日本.md".utf8)
        #expect(valid.withUnsafeBufferPointer { PathCoding.decode($0) } == "Grüße/日本.md")
    }
}

extension Swift.Result where Failure == ArticleLoader.Failure {
    var failureReason: String? {
        if case .failure(let f) = self { return f.reason }
        return nil
    }
}
