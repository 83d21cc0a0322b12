import Foundation
import FolioCore
import TermKit

/// Everything that can change the state: commands from keys, and results
/// that effects report back.
public enum Action: Equatable, Sendable {
    /// The program starts: show the first article in the reader.
    case start
    case command(Command)
    case resize(Size)
    case articleLoaded(path: String, Result<Article, ArticleLoader.Failure>)
    /// The folder's refresh found new, changed or removed files.
    case libraryUpdated(LibraryUpdate)
    /// The read set on disk changed (another folio wrote to it).
    case readStateReloaded(Set<ArticleIdentity>)
    case tick(Date)
    /// An effect failed; say so in the status line.
    case effectFailed(String)
}

/// I/O the reducer asks for; the run loop performs it.
public enum Effect: Equatable, Sendable {
    case loadArticle(path: String)
    case setRead(Bool, [ArticleIdentity])
    case redraw
}
