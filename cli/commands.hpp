#pragma once
// The subcommands of `cdcts`, each registered on the CLI11 app and run after parsing.
#include <CLI/CLI.hpp>

#include <functional>

namespace cdcts::cli {

// A subcommand's action, run when it was chosen; returns the process exit code.
using Action = std::function<int()>;

Action addRunCommand(CLI::App& app, int argc, char** argv);
Action addBenchCommand(CLI::App& app, int argc, char** argv);
Action addDevicesCommand(CLI::App& app);
Action addIoctlCommand(CLI::App& app);
Action addMmcCommand(CLI::App& app);
Action addDiscCommand(CLI::App& app);
Action addDefectsCommand(CLI::App& app);
// The two subcommands of `disc`; each stores its action in `action`.
void addDiscMakeCommand(CLI::App& disc, Action& action);
void addDiscInfoCommand(CLI::App& disc, Action& action);

}  // namespace cdcts::cli
