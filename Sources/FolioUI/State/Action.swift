import Foundation
import FolioCore
import TermKit

/// Everything that can change the state: commands from keys, and results
/// that effects report back.
public enum Action: Equatable, Sendable {
    /// A key typed into the open prompt.
    case promptKey(Key)
    /// Full-text search results: paths in rank order with a snippet each.
    case searchResults(String, [SearchResult])
    /// The program starts: show the first article in the reader.
    case start
    case command(Command)
    /// A click or a wheel turn (with `set mouse on`).
    case mouse(MouseEvent)
    case resize(Size)
    case articleLoaded(path: String, Result<Article, ArticleLoader.Failure>)
    /// The folder's refresh found new, changed or removed files.
    case libraryUpdated(LibraryUpdate)
    /// The state on disk changed (another folio wrote to it): everything folio remembers.
    case statesReloaded([ArticleIdentity: ArticleState])
    /// The read set on disk changed (another folio wrote to it).
    case readStateReloaded(Set<ArticleIdentity>)
    case tick(Date)
    /// An effect failed; say so in the status line.
    case effectFailed(String)
    /// Files moved to the trash (or the reasons they could not be).
    case trashed([TrashRecord], failures: [String], redo: Bool)
    /// Files brought back from the trash.
    case restored([TrashRecord], rows: [ArticleRow], failures: [String])
}

/// I/O the reducer asks for; the run loop performs it.
public enum Effect: Equatable, Sendable {
    case loadArticle(path: String)
    case setRead(Bool, [ArticleIdentity])
    /// Saves another kind of change (star, archive, tag, position).
    case save(StateChange)
    case trash([TrashRequest], redo: Bool)
    case restore([TrashRecord], rows: [ArticleRow])
    case searchLibrary(String)
    case saveSetting(String, String)
    /// Runs a command with the article's text on its input, the terminal handed over.
    case pipe(command: String, text: String)
    /// Opens the article's file in $EDITOR, the terminal handed over.
    case edit(file: String)
    case openURL(String)
    case copyToClipboard(String)
    case redraw
}

/// One article that full-text search found.
public struct SearchResult: Equatable, Sendable {
    public var path: String
    public var snippet: String
    public init(path: String, snippet: String) {
        self.path = path
        self.snippet = snippet
    }
}
