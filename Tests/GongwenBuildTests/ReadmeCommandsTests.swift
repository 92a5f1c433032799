import ArgumentParser
import Foundation
import GongwenCLI
import GongwenServe
import GongwenTestSupport
import Testing

/// Every command and flag README's command reference shows exists (issue 26: "every statement in the README
/// true"): each `swift run gongwen …` line's subcommand parses, and each `--flag` on that line or on the
/// indented lines under it (`  check and build also take:` lines name both) is in that subcommand's --help.
struct ReadmeCommandsTests {
    /// The help text of the subcommand at `path`, with its own subcommands' help appended ("" when there is
    /// no such subcommand).
    static func help(_ path: [String]) -> String {
        if path.first == "gongwen-serve" { return ServeCommand.helpMessage() }
        var command: any ParsableCommand.Type = Gongwen.self
        for name in path {
            guard let sub = command.configuration.subcommands.first(where: { $0._commandName == name }) else {
                return ""
            }
            command = sub
        }
        var text = Gongwen.helpMessage(for: command)
        for sub in command.configuration.subcommands { text += Gongwen.helpMessage(for: sub) }
        return text
    }

    /// README's command lines: (subcommand path, flags) — flags from the line and the indented lines below.
    static func commands() throws -> [(path: [String], flags: [String])] {
        let readme = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "## Commands").dropFirst().first)
        let block = try #require(section.components(separatedBy: "```").dropFirst().first)
        var commands: [(path: [String], flags: [String])] = []
        var shared: [Int] = []
        for line in block.split(separator: "\n").map(String.init) {
            let code = line.components(separatedBy: "  #").first ?? line
            let flags = code.matches(of: /--[a-z][a-z-]*/).map { String($0.output) }
            if line.hasPrefix("swift run ") {
                let words = code.split(separator: " ").map(String.init)
                let program = words[2]
                var path = [program]
                if program == "gongwen", words.count > 3, !words[3].hasPrefix("[") { path = [words[3]] }
                commands.append((path, flags))
                shared = []
            } else if line.trimmingCharacters(in: .whitespaces).hasPrefix("check and build also take") {
                shared = commands.indices.filter { ["check", "build"].contains(commands[$0].path.first ?? "") }
            } else if !shared.isEmpty {
                for index in shared { commands[index].flags += flags }
            } else if !commands.isEmpty {
                commands[commands.count - 1].flags += flags
            }
        }
        return commands
    }

    @Test func everyCommandAndFlagInTheReadmeExists() throws {
        let commands = try Self.commands()
        #expect(commands.count >= 9, "\(commands.map(\.path))")
        for command in commands {
            let help = Self.help(command.path)
            #expect(!help.isEmpty, "README: \(command.path.joined(separator: " ")) is not a command")
            for flag in command.flags {
                #expect(help.contains(flag), "README: \(command.path.joined(separator: " ")) \(flag) is not in --help")
            }
        }
    }

    /// The check itself fails on a flag that does not exist.
    @Test func aMadeUpFlagIsCaught() {
        #expect(!Self.help(["build"]).contains("--no-such-flag") && Self.help(["build"]).contains("--timings"))
        #expect(Self.help(["no-such-command"]).isEmpty)
        #expect(Self.help(["history"]).contains("--campaign"), "a subcommand's own subcommands are read too")
    }
}
