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

    public init(store: StateStore, articles: [FolioCore.ArticleSummary]) {
        self.store = store
        pathsToOpen = Dictionary(articles.map { ($0.path, $0.absolutePath) }, uniquingKeysWith: { a, _ in a })
        changeToken = try? store.externalChangeToken()
    }

    public func perform(_ effect: Effect) -> [Action] {
        switch effect {
        case .loadArticle(let path):
            if let article = cache[path] { return [.articleLoaded(path: path, .success(article))] }
            switch ArticleLoader.load(pathsToOpen[path] ?? path, displayName: path) {
            case .success(let loaded):
                remember(loaded.article, for: path)
                return [.articleLoaded(path: path, .success(loaded.article))]
            case .failure(let failure):
                return [.articleLoaded(path: path, .failure(failure))]
            }
        case .setRead(let read, let identities):
            do {
                try store.setRead(read, for: identities)
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
        guard let token = try? store.externalChangeToken(), token != changeToken else { return [] }
        changeToken = token
        guard let readSet = try? store.readIdentities() else { return [] }
        return [.readStateReloaded(readSet)]
    }

    private func remember(_ article: Article, for path: String) {
        cache[path] = article
        cacheOrder.removeAll { $0 == path }
        cacheOrder.append(path)
        if cacheOrder.count > cacheSize { cache[cacheOrder.removeFirst()] = nil }
    }
}
