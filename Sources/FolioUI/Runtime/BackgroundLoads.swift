import Foundation
import FolioCore

/// Reads whole articles on a thread of its own (for very large files, whose
/// start is shown first) and keeps the results until the run loop collects them.
final class BackgroundLoads: @unchecked Sendable {
    private let lock = NSLock()
    private var finished: [(String, Result<ArticleLoader.Loaded, ArticleLoader.Failure>)] = []
    private var inFlight = Set<String>()
    /// Called (on the loading thread) when an article is ready to collect.
    var onFinish: (@Sendable () -> Void)?

    func start(path: String, file: String) {
        let first = lock.withLock { inFlight.insert(path).inserted }
        guard first else { return }
        let notify = onFinish
        let thread = Thread { [self] in
            let result = ArticleLoader.load(file, displayName: path).map { loaded in
                // Counted here, once: the reader's header asks for the count, and over a
                // 20 MB article counting on the run loop held keys up for a third of a second.
                var counted = loaded
                counted.article.estimatedWords = loaded.article.words
                return counted
            }
            lock.withLock {
                inFlight.remove(path)
                finished.append((path, result))
            }
            notify?()
        }
        thread.qualityOfService = .userInitiated
        thread.start()
    }

    var isRunning: Bool { lock.withLock { !inFlight.isEmpty || !finished.isEmpty } }

    func collect() -> [(String, Result<ArticleLoader.Loaded, ArticleLoader.Failure>)] {
        lock.withLock {
            defer { finished.removeAll() }
            return finished
        }
    }
}
