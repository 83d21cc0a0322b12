import Foundation
import Testing
@testable import FolioCore
@testable import FolioUI

/// Whole articles read on a thread of their own.
struct BackgroundLoadsTests {
    @Test func theWordCountComesWithTheArticle() throws {
        let temp = try TempFolder()
        let file = temp.path + "/long.txt"
        let paragraph = "The ferry left the harbour at dawn with nine passengers and a crate of apples aboard."
        try ("A long crossing\n\n" + Array(repeating: paragraph, count: 200).joined(separator: "\n\n") + "\n")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let loads = BackgroundLoads()
        let done = DispatchSemaphore(value: 0)
        loads.onFinish = { done.signal() }
        loads.start(path: "long.txt", file: file)
        #expect(done.wait(timeout: .now() + 10) == .success)
        let collected = loads.collect()
        #expect(collected.map(\.0) == ["long.txt"])
        let loaded = try #require(try collected.first?.1.get())
        // Counted on the loading thread, so the reader's header does not count 20 MB on the run loop.
        let counted = try #require(loaded.article.estimatedWords)
        var uncounted = loaded.article
        uncounted.estimatedWords = nil
        #expect(counted == uncounted.words)
        #expect(counted >= 200 * 15)
    }
}
