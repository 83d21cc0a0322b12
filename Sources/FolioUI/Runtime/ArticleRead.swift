import FolioCore

/// What opening an article in the reader reads: the start of a very large
/// file (its whole is read afterwards, in the background), else all of it.
enum ArticleRead {
    case start(Article)
    case whole(Result<ArticleLoader.Loaded, ArticleLoader.Failure>)

    static func read(_ file: String, displayName: String) -> ArticleRead {
        if LibraryEffects.size(of: file) > ArticleLoader.largeFile,
           case .success(let start) = ArticleLoader.load(file, displayName: displayName, limit: ArticleLoader.headBytes(for: file)) {
            return .start(start.article)
        }
        return .whole(ArticleLoader.load(file, displayName: displayName))
    }
}
