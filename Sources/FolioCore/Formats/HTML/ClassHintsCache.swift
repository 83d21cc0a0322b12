import Foundation

/// `ClassHints` of each class-and-id pair, kept for every page this process
/// reads: pages of one site repeat the same classes, and reading the words of a
/// class is most of what indexing the elements of a page costs. A pure function
/// of the pair, so sharing it between pages and threads changes no result.
final class ClassHintsCache: @unchecked Sendable {
    static let shared = ClassHintsCache()
    /// Pairs kept before the cache starts again (a page with a new class on every element).
    static let limit = 20_000

    private let lock = NSLock()
    private var known: [String: ClassHints] = [:]

    func hints(className: String?, id: String?) -> ClassHints {
        if className == nil && id == nil { return .none }
        let key = id.map { (className ?? "") + "\u{0}" + $0 } ?? className!
        lock.lock()
        let found = known[key]
        lock.unlock()
        if let found { return found }
        let made = ClassHints(className: className, id: id)
        lock.lock()
        if known.count >= Self.limit { known.removeAll(keepingCapacity: true) }
        known[key] = made
        lock.unlock()
        return made
    }
}
