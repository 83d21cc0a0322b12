import Foundation
import Testing
import FolioCore
@testable import FolioUI

/// The article read ahead at start-up is the one the reader shows first, and
/// only when it is the one asked for.
@Suite struct ArticlePreloadTests {
    /// A folder of articles beside a state database, removed when released.
    final class Folder {
        private let temp: TempFolder
        var path: String { temp.path }
        init() throws { temp = try TempFolder() }

        @discardableResult
        func write(_ name: String, _ text: String) throws -> String {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path + "/articles/" + name))
            return path + "/articles/" + name
        }

        func effects(preload: (String) -> ArticlePreload?) throws -> LibraryEffects {
            let library = Library.load(path + "/articles")
            let store = try StateStore(path: path + "/state.sqlite")
            let first = library.articles.first { $0.path == "ferries.md" }!
            return LibraryEffects(store: store, articles: library.articles, preload: preload(first.absolutePath))
        }
    }

    static func article(_ text: String) -> String {
        text + "\n\n" + String(repeating: "The crossing took most of the night and nobody slept. ", count: 30) + "\n"
    }

    static func title(_ actions: [Action]) -> String? {
        guard case .articleLoaded(_, .success(let article))? = actions.first else { return nil }
        return article.title
    }

    func makeFolder() throws -> Folder {
        let folder = try Folder()
        try FileManager.default.createDirectory(atPath: folder.path + "/articles", withIntermediateDirectories: true)
        try folder.write("ferries.md", Self.article("# Night ferries on the lake"))
        try folder.write("orchards.md", Self.article("# Orchards after the frost"))
        return folder
    }

    @Test func theArticleReadAheadIsTheOneShown() throws {
        let folder = try makeFolder()
        var preload: ArticlePreload?
        let effects = try folder.effects { preload = ArticlePreload(path: "ferries.md", file: $0); return preload }
        _ = preload?.value  // read
        // Changed on disk after it was read ahead: the reader shows what was
        // read ahead, so the file was not read a second time.
        try folder.write("ferries.md", Self.article("# Day ferries, rewritten"))
        #expect(Self.title(effects.perform(.loadArticle(path: "ferries.md"))) == "Night ferries on the lake")
        #expect(Self.title(effects.perform(.loadArticle(path: "orchards.md"))) == "Orchards after the frost")
    }

    @Test func aReadAheadOfAnotherArticleIsNotUsedAndNotKept() throws {
        let folder = try makeFolder()
        var preload: ArticlePreload?
        let effects = try folder.effects { preload = ArticlePreload(path: "ferries.md", file: $0); return preload }
        _ = preload?.value  // read
        #expect(Self.title(effects.perform(.loadArticle(path: "orchards.md"))) == "Orchards after the frost")
        // Only the first article opened can use it: later, the file is read as it is now.
        try folder.write("ferries.md", Self.article("# Day ferries, rewritten"))
        #expect(Self.title(effects.perform(.loadArticle(path: "ferries.md"))) == "Day ferries, rewritten")
    }

    @Test func aReadAheadOfAnArticleThatChangedBeforeItOpensIsNotUsed() throws {
        let folder = try makeFolder()
        var preload: ArticlePreload?
        let library = Library.load(folder.path + "/articles")
        let file = library.articles.first { $0.path == "ferries.md" }!.absolutePath
        preload = ArticlePreload(path: "ferries.md", file: file)
        _ = preload?.value  // read
        try folder.write("ferries.md", Self.article("# Day ferries, rewritten"))
        // The folder check finds the change before the article is opened.
        let indexer = BackgroundIndexer()
        let effects = LibraryEffects(store: try StateStore(path: folder.path + "/state.sqlite"), articles: library.articles,
                                     indexer: indexer, preload: preload)
        indexer.start(root: folder.path + "/articles", index: IndexStore.open(path: folder.path + "/index.sqlite"))
        let deadline = Date().addingTimeInterval(20)
        var changed = false
        while !changed, Date() < deadline {
            for case .libraryUpdated(let update) in effects.poll() where update.upserted.contains(where: { $0.path == "ferries.md" }) {
                changed = true
            }
            usleep(10_000)
        }
        #expect(changed)
        #expect(Self.title(effects.perform(.loadArticle(path: "ferries.md"))) == "Day ferries, rewritten")
    }

    @Test func aVeryLargeFileReadAheadShowsItsStartThenTheWhole() throws {
        let folder = try makeFolder()
        let paragraph = String(repeating: "The crossing took most of the night and nobody slept. ", count: 20) + "\n\n"
        try folder.write("ferries.md", "# Night ferries on the lake\n\n" + String(repeating: paragraph, count: ArticleLoader.largeFile / paragraph.utf8.count + 10))
        let effects = try folder.effects { ArticlePreload(path: "ferries.md", file: $0) }
        guard case .articleLoaded(_, .success(let start))? = effects.perform(.loadArticle(path: "ferries.md")).first else {
            Issue.record("no article"); return
        }
        #expect(start.title == "Night ferries on the lake")
        #expect(start.estimatedWords != nil, "only the start was read")
        #expect(effects.isBusy, "the whole is still to be read")
        var whole: Article?
        let deadline = Date().addingTimeInterval(20)
        while whole == nil, Date() < deadline {
            for case .articleLoaded(_, .success(let article)) in effects.poll() { whole = article }
            if whole == nil { usleep(10_000) }
        }
        #expect((whole?.body.count ?? 0) > start.body.count)
        // The whole comes counted (on the loading thread): its count is its own, not the estimate.
        var uncounted = whole
        uncounted?.estimatedWords = nil
        #expect(whole?.estimatedWords == uncounted?.words)
    }
}
