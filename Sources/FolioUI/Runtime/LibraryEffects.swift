import Foundation
import FolioCore

/// Effects against the real library and state database: loads articles (with
/// a small cache of recent ones), writes read state at once, and notices when
/// another folio changed the state.
public final class LibraryEffects: EffectHandler {
    private let store: StateStore
    /// Where each listed article's file is: made on another thread (a
    /// 100,000-entry table costs tens of milliseconds the first frame need not
    /// wait for), then taken into `pathsToOpen` where it is first needed.
    /// (Not a `lazy var`: changing a lazy dictionary copies it whole each time.)
    private var pathTable: BackgroundValue<[String: String]>?
    private var pathsToOpen: [String: String] = [:]
    private var cache: [String: Article] = [:]
    private var cacheOrder: [String] = []
    private let cacheSize = 16
    private var changeToken: Int?
    private let indexer: BackgroundIndexer?
    /// Asked for at the first search: the index may still be opening then (see `IndexOpening`).
    private let searchIndex: () -> SearchIndex?
    private let indexRoot: String
    private let largeLoads = BackgroundLoads()
    private var pendingLargeLoads: [(path: String, file: String)] = []
    /// Notices files added, changed or removed while folio runs; `rescan`
    /// then reads the folder again (stat only, re-extracting what changed).
    private let watcher: FolderWatcher?
    private let rescan: (() -> Void)?

    private var states: [ArticleIdentity: ArticleState]?
    private var preload: ArticlePreload?

    public init(store: StateStore, articles: [FolioCore.ArticleSummary], indexer: BackgroundIndexer? = nil,
                searchIndex: @autoclosure @escaping () -> SearchIndex? = nil, indexRoot: String = "",
                watcher: FolderWatcher? = nil, rescan: (() -> Void)? = nil, wake: (@Sendable () -> Void)? = nil,
                preload: ArticlePreload? = nil, states: [ArticleIdentity: ArticleState]? = nil) {
        self.store = store
        self.preload = preload
        self.states = states
        // Finished background work ends the run loop's wait at once.
        if let wake {
            indexer?.notifyOnBatch(wake)
            largeLoads.onFinish = wake
        }
        self.watcher = watcher
        self.rescan = rescan
        self.indexer = indexer
        self.searchIndex = searchIndex
        self.indexRoot = indexRoot
        pathTable = BackgroundValue { Dictionary(articles.map { ($0.path, $0.absolutePath) }, uniquingKeysWith: { a, _ in a }) }
        changeToken = try? store.externalChangeToken()
    }

    /// True while the folder is being read: the run loop then collects results often.
    public var isBusy: Bool { (indexer?.isRunning ?? false) || largeLoads.isRunning || !pendingLargeLoads.isEmpty || (watcher?.hasChanges ?? false) }

    public func perform(_ effect: Effect) -> [Action] {
        switch effect {
        case .loadArticle(let path):
            if let article = cache[path] { return [.articleLoaded(path: path, .success(article))] }
            let file: String
            let read: ArticleRead
            if let preload, preload.path == path {
                (file, read) = (preload.file, preload.value)
            } else {
                takePathTable()
                file = pathsToOpen[path] ?? path
                read = ArticleRead.read(file, displayName: path)
            }
            preload = nil  // only the first article opened can have been read ahead
            switch read {
            case .start(let article):
                // A very large file shows its start at once; the whole is read once
                // that first screen is drawn (on the next poll), so the two do not
                // compete for a core.
                pendingLargeLoads.append((path, file))
                return [.articleLoaded(path: path, .success(article))]
            case .whole(.success(let loaded)):
                remember(loaded.article, for: path)
                return [.articleLoaded(path: path, .success(loaded.article))]
            case .whole(.failure(let failure)):
                return [.articleLoaded(path: path, .failure(failure))]
            }
        case .setRead(let read, let identities):
            do {
                try store.setRead(read, for: identities)
                remember(.read(read, identities))
                return []
            } catch StateFailure.notSaved {
                return [.effectFailed("Read-only: this change is not saved.")]
            } catch {
                // Show what is on disk, and why the change is not there.
                let onDisk = (try? store.readIdentities()).map { [Action.readStateReloaded($0)] } ?? []
                return onDisk + [.effectFailed("Not saved: \(error)")]
            }
        case .save(let change):
            do {
                try store.save(change)
                remember(change)
                return []
            } catch StateFailure.notSaved {
                return [.effectFailed("Read-only: this change is not saved.")]
            } catch {
                return [.effectFailed("Not saved: \(error)")]
            }
        case .saveSetting(let key, let value):
            try? store.setSetting(key, value)
            return []
        case .trash(let requests, let redo):
            return [trash(requests, redo: redo)]
        case .restore(let records, let rows):
            return [restore(records, rows: rows)]
        case .searchLibrary(let text):
            return search(text)
        case .redraw, .pipe, .edit, .openURL, .copyToClipboard:
            return []  // the run loop does these: they need the terminal
        }
    }

    public func poll() -> [Action] {
        var actions: [Action] = []
        for load in pendingLargeLoads { largeLoads.start(path: load.path, file: load.file) }
        pendingLargeLoads = []
        if let token = try? store.externalChangeToken(), token != changeToken {
            changeToken = token
            if let fresh = try? store.states() {
                states = fresh
                actions.append(.statesReloaded(fresh))
            }
        }
        if let batches = indexer?.collect(), !batches.isEmpty { actions.append(.libraryUpdated(update(from: batches))) }
        // The folder changed: read it again once the last reading is done.
        if let watcher, let rescan, watcher.hasChanges, !(indexer?.isRunning ?? false), watcher.takeChanges() {
            rescan()
        }
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
        if states == nil { states = (try? store.states()) ?? [:] }
        takePathTable()
        var update = LibraryUpdate()
        for batch in batches {
            update.removed += batch.removed
            for skipped in batch.skipped { update.problems[skipped.path] = skipped.reason }
            for file in batch.upserted {
                switch file.outcome {
                case .article(let summary):
                    pathsToOpen[summary.path] = summary.absolutePath
                    cache[summary.path] = nil
                    if preload?.path == summary.path { preload = nil }  // read ahead before it changed
                    update.upserted.append(ArticleRow(summary: summary, state: states![summary.identity] ?? ArticleState()))
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

    private func takePathTable() {
        guard let table = pathTable else { return }
        pathTable = nil
        pathsToOpen = table.take()
    }

    /// Keeps the cached states in step with what was saved.
    private func remember(_ change: StateChange) {
        guard states != nil else { return }
        for identity in change.identities { change.apply(to: &states![identity, default: ArticleState()]) }
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

    // MARK: Trash and search (wired to FolioCore's Trash and SearchIndex)

    private func trash(_ requests: [TrashRequest], redo: Bool) -> Action {
        var records: [TrashRecord] = []
        var failures: [String] = []
        for request in requests {
            do {
                let item = try Trash.move(request.file)
                records.append(TrashRecord(path: request.path, originalPath: item.originalPath, trashedPath: item.trashedPath, infoPath: item.infoPath))
                cache[request.path] = nil
            } catch {
                failures.append("\(PathCoding.display(request.path)): \(error)")
            }
        }
        return .trashed(records, failures: failures, redo: redo)
    }

    private func restore(_ records: [TrashRecord], rows: [ArticleRow]) -> Action {
        var restored: [TrashRecord] = []
        var failures: [String] = []
        for record in records {
            do {
                try Trash.restore(TrashedItem(originalPath: record.originalPath, trashedPath: record.trashedPath, infoPath: record.infoPath))
                restored.append(record)
            } catch {
                failures.append("\(PathCoding.display(record.path)): \(error)")
            }
        }
        return .restored(restored, rows: rows, failures: failures)
    }

    /// The snippet cut to start a few words before its first match, so the
    /// match shows in the little room the list gives it.
    static func leadingWithMatch(_ hit: SearchHit) -> String {
        let snippet = hit.snippet
        guard let match = hit.highlights.first,
              snippet.distance(from: snippet.startIndex, to: match.lowerBound) > 16 else { return snippet }
        var start = snippet.index(match.lowerBound, offsetBy: -12)
        while start < match.lowerBound, !snippet[start].isWhitespace { start = snippet.index(after: start) }
        return "…" + snippet[start...].drop { $0.isWhitespace }
    }

    private func search(_ text: String) -> [Action] {
        guard let searchIndex = searchIndex() else { return [.effectFailed("Search is not available: the index could not be opened.")] }
        do {
            let hits = try searchIndex.search(root: indexRoot, query: text, limit: 500)
            return [.searchResults(text, hits.map { SearchResult(path: $0.path, snippet: Self.leadingWithMatch($0)) })]
        } catch {
            return [.effectFailed("Search: \(error)")]
        }
    }
}
