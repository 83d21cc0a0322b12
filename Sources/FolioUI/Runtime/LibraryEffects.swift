import Foundation
import FolioCore

/// Effects against the real library and state database: loads articles (with
/// a small cache of recent ones), writes read state at once, and notices when
/// another folio changed the state.
public final class LibraryEffects: EffectHandler {
    private let store: StateStore
    private var pathsToOpen: [String: String]
    private var cache: [String: Article] = [:]
    private var cacheOrder: [String] = []
    private let cacheSize = 16
    private var changeToken: Int?
    private let indexer: BackgroundIndexer?
    private let largeLoads = BackgroundLoads()

    private var readSet: Set<ArticleIdentity>?

    public init(store: StateStore, articles: [FolioCore.ArticleSummary], indexer: BackgroundIndexer? = nil) {
        self.store = store
        self.indexer = indexer
        pathsToOpen = Dictionary(articles.map { ($0.path, $0.absolutePath) }, uniquingKeysWith: { a, _ in a })
        changeToken = try? store.externalChangeToken()
    }

    /// True while the folder is being read: the run loop then collects results often.
    public var isBusy: Bool { (indexer?.isRunning ?? false) || largeLoads.isRunning }

    public func perform(_ effect: Effect) -> [Action] {
        switch effect {
        case .loadArticle(let path):
            if let article = cache[path] { return [.articleLoaded(path: path, .success(article))] }
            let file = pathsToOpen[path] ?? path
            // A very large file shows its start at once while the whole is read.
            if Self.size(of: file) > ArticleLoader.largeFile,
               case .success(let start) = ArticleLoader.load(file, displayName: path, limit: ArticleLoader.headBytes) {
                largeLoads.start(path: path, file: file)
                return [.articleLoaded(path: path, .success(start.article))]
            }
            switch ArticleLoader.load(file, displayName: path) {
            case .success(let loaded):
                remember(loaded.article, for: path)
                return [.articleLoaded(path: path, .success(loaded.article))]
            case .failure(let failure):
                return [.articleLoaded(path: path, .failure(failure))]
            }
        case .setRead(let read, let identities):
            do {
                try store.setRead(read, for: identities)
                if readSet != nil { for identity in identities { if read { readSet!.insert(identity) } else { readSet!.remove(identity) } } }
                return []
            } catch StateFailure.notSaved {
                return [.effectFailed("Read-only: this change is not saved.")]
            } catch {
                // Show what is on disk, and why the change is not there.
                let onDisk = (try? store.readIdentities()).map { [Action.readStateReloaded($0)] } ?? []
                return onDisk + [.effectFailed("Not saved: \(error)")]
            }
        case .redraw:
            return []
        }
    }

    public func poll() -> [Action] {
        var actions: [Action] = []
        if let token = try? store.externalChangeToken(), token != changeToken {
            changeToken = token
            if let fresh = try? store.readIdentities() {
                readSet = fresh
                actions.append(.readStateReloaded(fresh))
            }
        }
        if let batches = indexer?.collect(), !batches.isEmpty { actions.append(.libraryUpdated(update(from: batches))) }
        for (path, result) in largeLoads.collect() {
            switch result {
            case .success(let loaded):
                remember(loaded.article, for: path)
                actions.append(.articleLoaded(path: path, .success(loaded.article)))
            case .failure(let failure):
                actions.append(.articleLoaded(path: path, .failure(failure)))
            }
        }
        return actions
    }

    /// Turns the indexer's batches into one update for the list, with read flags.
    private func update(from batches: [LibraryIndexer.Batch]) -> LibraryUpdate {
        if readSet == nil { readSet = (try? store.readIdentities()) ?? [] }
        var update = LibraryUpdate()
        for batch in batches {
            update.removed += batch.removed
            for skipped in batch.skipped { update.problems[skipped.path] = skipped.reason }
            for file in batch.upserted {
                switch file.outcome {
                case .article(let summary):
                    pathsToOpen[summary.path] = summary.absolutePath
                    cache[summary.path] = nil
                    update.upserted.append(ArticleRow(summary: summary, isRead: readSet!.contains(summary.identity)))
                case .problem(let reason):
                    update.problems[file.path] = reason
                }
            }
            update.done = batch.done
            update.total = batch.total
            update.finished = batch.finished
        }
        return update
    }

    static func size(of file: String) -> Int {
        var info = stat()
        return PathCoding.withCString(file) { stat($0, &info) } == 0 ? Int(info.st_size) : 0
    }

    private func remember(_ article: Article, for path: String) {
        cache[path] = article
        cacheOrder.removeAll { $0 == path }
        cacheOrder.append(path)
        if cacheOrder.count > cacheSize { cache[cacheOrder.removeFirst()] = nil }
    }
}
