import FolioCore

/// What the folder's refresh found since the last update: rows to add or
/// replace, paths that are gone, files that cannot be read, and progress.
public struct LibraryUpdate: Equatable, Sendable {
    public var upserted: [ArticleRow] = []
    public var removed: [String] = []
    /// Files that could not be read, by path (an article that now reads is removed from it).
    public var problems: [String: String] = [:]
    public var done = 0
    public var total = 0
    public var finished = false

    public init(upserted: [ArticleRow] = [], removed: [String] = [], problems: [String: String] = [:],
                done: Int = 0, total: Int = 0, finished: Bool = false) {
        self.upserted = upserted
        self.removed = removed
        self.problems = problems
        self.done = done
        self.total = total
        self.finished = finished
    }
}
