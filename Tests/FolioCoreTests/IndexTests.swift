import Foundation
import Testing
@testable import FolioCore

/// The metadata index: a second read of a library reads only what changed,
/// and an index that is damaged or from another version is rebuilt.
struct IndexTests {
    static func story(_ title: String, _ extra: String = "") -> String {
        "\(title)\n\nThe harbour committee met on Tuesday and agreed that the new berth would open in the spring, after a winter of repairs. \(extra)\n"
    }

    /// Loads through the index and returns the library and how many files were read.
    func load(_ root: String, _ index: IndexStore) -> (Library, read: Int) {
        let key = Library.indexKey(root)
        let known = (try? index.files(under: key)) ?? []
        var read = 0
        LibraryIndexer.refresh(root: root, known: known, index: index, indexRoot: key) { read += $0.upserted.count }
        return (Library.load(root, index: index), read)
    }

    @Test func addedChangedRemovedAndRenamedFiles() throws {
        let temp = try TempFolder()
        let library = try TempFolder()
        let index = IndexStore.open(path: temp.path + "/index.sqlite")
        try library.write("a.txt", Self.story("Alpha harbour"))
        try library.write("b.txt", Self.story("Beta orchard"))
        try library.write("sub/c.md", "# Gamma glacier\n\nMelting faster than the models said, the glacier feeds the valley's hydropower.\n")
        let (first, readFirst) = load(library.path, index)
        #expect(readFirst == 3)
        #expect(first.articles.count == 3)
        let alphaIdentity = try #require(first.articles.first { $0.path == "a.txt" }?.identity)

        // Nothing changed: nothing is read again, and the list is the same.
        let (same, readSame) = load(library.path, index)
        #expect(readSame == 0)
        #expect(Set(same.articles.map(\.path)) == ["a.txt", "b.txt", "sub/c.md"])

        try library.write("d.txt", Self.story("Delta new story"))
        try library.write("b.txt", Self.story("Beta orchard, updated", "A new sentence makes the file longer."))
        try FileManager.default.removeItem(atPath: library.path + "/sub/c.md")
        try FileManager.default.moveItem(atPath: library.path + "/a.txt", toPath: library.path + "/moved-a.txt")
        let (after, readAfter) = load(library.path, index)
        #expect(readAfter == 3)  // d, b and the renamed a
        #expect(Set(after.articles.map(\.path)) == ["moved-a.txt", "b.txt", "d.txt"])
        #expect(after.articles.first { $0.path == "b.txt" }?.title == "Beta orchard, updated")
        #expect(after.articles.first { $0.path == "moved-a.txt" }?.identity == alphaIdentity)
        #expect(try index.files(under: Library.indexKey(library.path)).count == 3)
    }

    /// The run loop is told as soon as a batch is ready, rather than finding it at its next poll.
    /// A new index is made without syncs, then kept as any other: WAL, NORMAL.
    @Test func aNewIndexEndsInWALModeWithNormalSync() throws {
        let temp = try TempFolder()
        for _ in 0..<2 {  // made, then opened again
            let index = IndexStore.open(path: temp.path + "/index.sqlite")
            let (mode, sync) = try index.queue.read { db in
                (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"))
            }
            #expect(mode == "wal")
            #expect(sync == 1)  // NORMAL
        }
    }

    @Test func theBackgroundIndexerSaysWhenEachBatchIsReady() throws {
        let temp = try TempFolder()
        let library = try TempFolder()
        for i in 0..<3 { _ = try library.write("story-\(i).txt", Self.story("Harbour story \(i)")) }
        let indexer = BackgroundIndexer()
        let calls = Locked(0)
        indexer.notifyOnBatch { calls.update { $0 += 1 } }
        indexer.start(root: library.path, index: IndexStore.open(path: temp.path + "/index.sqlite"))
        var batches: [LibraryIndexer.Batch] = []
        let deadline = Date().addingTimeInterval(10)
        while indexer.isRunning && Date() < deadline {
            batches += indexer.collect()
            Thread.sleep(forTimeInterval: 0.01)
        }
        batches += indexer.collect()
        #expect(batches.flatMap(\.upserted).count == 3)
        #expect(calls.value == batches.count)
    }

    @Test func aChangeWithinTheSameSecondIsNoticed() throws {
        let temp = try TempFolder()
        let library = try TempFolder()
        let index = IndexStore.open(path: temp.path + "/index.sqlite")
        let path = try library.write("a.txt", Self.story("First version"))
        var times = [timespec(tv_sec: 1_780_000_000, tv_nsec: 500), timespec(tv_sec: 1_780_000_000, tv_nsec: 500)]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        #expect(load(library.path, index).read == 1)

        // Same second and nanosecond, different size.
        try library.write("a.txt", Self.story("Second version, longer"))
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        let (changed, read) = load(library.path, index)
        #expect(read == 1)
        #expect(changed.articles.first?.title == "Second version, longer")

        // Same size, a time one nanosecond later.
        try library.write("a.txt", Self.story("Third version, longer!"))
        times = [timespec(tv_sec: 1_780_000_000, tv_nsec: 501), timespec(tv_sec: 1_780_000_000, tv_nsec: 501)]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        let (again, readAgain) = load(library.path, index)
        #expect(readAgain == 1)
        #expect(again.articles.first?.title == "Third version, longer!")
    }

    @Test func unreadableFilesAreRememberedAndRetriedWhenTheyChange() throws {
        let temp = try TempFolder()
        let library = try TempFolder()
        let index = IndexStore.open(path: temp.path + "/index.sqlite")
        try library.write("empty.md", "")
        let (first, _) = load(library.path, index)
        #expect(first.problems.map(\.path) == ["empty.md"])
        #expect(load(library.path, index).read == 0)
        try library.write("empty.md", "# Now it has text\n\nA paragraph that makes this a real article at last.\n")
        let (fixed, read) = load(library.path, index)
        #expect(read == 1)
        #expect(fixed.problems.isEmpty)
        #expect(fixed.articles.first?.title == "Now it has text")
    }

    @Test func anIndexFromAnotherExtractionVersionIsReadAgain() throws {
        let temp = try TempFolder()
        let library = try TempFolder()
        try library.write("a.txt", Self.story("Alpha harbour"))
        do {
            let index = IndexStore.open(path: temp.path + "/index.sqlite")
            #expect(load(library.path, index).read == 1)
            try index.queue.write { db in try db.execute(sql: "UPDATE index_meta SET value = 0 WHERE key = 'extraction'") }
        }
        let reopened = IndexStore.open(path: temp.path + "/index.sqlite")
        #expect(try reopened.files(under: Library.indexKey(library.path)).isEmpty)
        #expect(load(library.path, reopened).read == 1)
    }

    @Test(arguments: ["garbage", "foreign schema"])
    func aDamagedOrForeignIndexIsRebuilt(kind: String) throws {
        let temp = try TempFolder()
        let library = try TempFolder()
        try library.write("a.txt", Self.story("Alpha harbour"))
        let path = temp.path + "/index.sqlite"
        if kind == "garbage" {
            try Data(String(repeating: "not sqlite ", count: 500).utf8).write(to: URL(fileURLWithPath: path))
        } else {
            // An index laid out by some older folio: a table of the same name with other columns.
            let old = try IndexStore(path: temp.path + "/other.sqlite")
            try old.queue.write { db in
                try db.execute(sql: "DROP TABLE indexed_file; DELETE FROM grdb_migrations; CREATE TABLE indexed_file (name TEXT)")
            }
            try FileManager.default.copyItem(atPath: temp.path + "/other.sqlite", toPath: path)
        }
        let index = IndexStore.open(path: path)
        let (library1, read) = load(library.path, index)
        #expect(read == 1)
        #expect(library1.articles.map(\.title) == ["Alpha harbour"])
        #expect(index.path == path)
    }

    @Test func aVeryLargeFileIsListedFromItsStartWithTheSameIdentityAsWhenReadWhole() throws {
        let temp = try TempFolder()
        let library = try TempFolder()
        let paragraph = "The harbour committee met again and the ferries kept running through the night, as they had all winter long.\n\n"
        let text = "The longest harbour report\n\nBy Test Writer\n\n14 February 2026\n\n"
            + String(repeating: paragraph, count: 15_000) + "https://example.org/the-longest-harbour-report\n"
        let path = try library.write("huge.txt", text)
        #expect(text.utf8.count > ArticleLoader.largeFile)
        let index = IndexStore.open(path: temp.path + "/index.sqlite")
        let (listed, _) = load(library.path, index)
        let summary = try #require(listed.articles.first)
        #expect(summary.title == "The longest harbour report")
        #expect(summary.author == "Test Writer")
        guard case .success(let whole) = ArticleLoader.load(path) else { Issue.record("could not read the whole file"); return }
        #expect(summary.identity == whole.identity)
        // The word count is scaled from the start: close to the whole article's.
        #expect(abs(Double(summary.words - whole.article.words)) / Double(whole.article.words) < 0.05)
        guard case .success(let start) = ArticleLoader.load(path, limit: ArticleLoader.headBytes(for: path)) else { Issue.record("no start"); return }
        #expect(start.article.notes.contains { $0.contains("showing the start") })
        #expect(start.article.body.count < whole.article.body.count)
        #expect(start.identity == whole.identity)
        #expect(whole.identity.rawValue.hasPrefix("sha256-sampled:"))
        // The reader's header shows the whole article's estimated reading time, as the list does.
        #expect(start.article.words == summary.words)
    }

    /// A large file's identity samples its start and end: the same whether the
    /// list read its start, the reader its first screen or all of it (also
    /// when the read stops at a cap); and an edit at its end makes it another article.
    @Test func aLargeFileIsKnownBySamplesOfItsStartAndEnd() throws {
        let library = try TempFolder()
        let line = "The ferries kept running through the night, as they had all winter long.\n"
        let body = "Night ferries\n\n" + String(repeating: line, count: (ArticleLoader.largeFile / line.utf8.count) + 500)
        let path = try library.write("huge.txt", body + "The end.\n")
        let listed = try #require(try? ArticleLoader.summarizeLarge(path, format: .text, displayName: "huge.txt").get())
        guard case .success(let start) = ArticleLoader.load(path, limit: ArticleLoader.headBytes(for: path)),
              case .success(let whole) = ArticleLoader.load(path) else { Issue.record("could not read"); return }
        #expect(listed.0.identity == whole.identity)
        #expect(start.identity == whole.identity)
        let capped = try SafeFile.read(path, limit: ArticleLoader.largeFile - 1, tailBytes: ArticleLoader.sampleBytes)
        #expect(capped.truncated)
        #expect(ArticleLoader.sampledIdentity(capped) == whole.identity)
        let edited = try library.write("huge.txt", body + "The End.\n")
        guard case .success(let changed) = ArticleLoader.load(edited, limit: ArticleLoader.headBytes(for: edited)) else { Issue.record("could not read"); return }
        #expect(changed.identity != whole.identity)
    }

    /// Saved pages over 1 MB often have only a few line breaks (minified
    /// markup, inline scripts): the start read for the list must still hold
    /// the page's title and metadata.
    @Test func aVeryLargePageWithFewLineBreaksIsListedByItsTitle() throws {
        let temp = try TempFolder()
        let library = try TempFolder()
        let script = "<script>var data = \"" + String(repeating: "x", count: 2 << 20) + "\";</script>"
        let page = "<html><head>\n<title>Harbour ferries run all night - Harbour Daily</title><meta property=\"og:site_name\" content=\"Harbour Daily\">"
            + script + "</head><body><article><h1>Harbour ferries run all night</h1><p>"
            + String(repeating: "The ferries kept running through the night, as they had all winter long. ", count: 20) + "</p></article></body></html>"
        _ = try library.write("page.html", page)
        #expect(page.utf8.count > ArticleLoader.largeFile)
        let index = IndexStore.open(path: temp.path + "/index.sqlite")
        let (listed, _) = load(library.path, index)
        let summary = try #require(listed.articles.first)
        #expect(summary.title == "Harbour ferries run all night")
        #expect(summary.source == "Harbour Daily")
    }

    /// Front-matter tags are listed from the index on the next start, without reading the file.
    @Test func tagsFromFrontMatterAreKeptInTheIndex() throws {
        let temp = try TempFolder()
        let library = try TempFolder()
        _ = try library.write("clip.md", "---\ntitle: Night ferries\ntags:\n  - harbour\n  - night shift\n---\n\nThe ferries ran all night.\n")
        let index = IndexStore.open(path: temp.path + "/index.sqlite")
        let (first, read) = load(library.path, index)
        #expect(read == 1)
        #expect(first.articles.first?.tags == ["harbour", "night shift"])
        let again = Library(files: try index.files(under: Library.indexKey(library.path)), root: library.path)
        #expect(again.articles.first?.tags == ["harbour", "night shift"])
    }
}
