// `cdcts disc`: disc images. `make` writes a synthetic disc as BIN/CUE, `info` shows an image's layout
// (disc_make_command.cpp, disc_info_command.cpp).
#include <memory>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"

namespace cdcts::cli {

Action addDiscCommand(CLI::App& app)
{
    CLI::App* disc = app.add_subcommand("disc", "Disc images: write a synthetic one, show one's layout");
    disc->require_subcommand(1);
    auto make = std::make_shared<Action>();
    auto info = std::make_shared<Action>();
    addDiscMakeCommand(*disc, *make);
    addDiscInfoCommand(*disc, *info);
    return [disc, make, info] {
        if (disc->got_subcommand("make")) return (*make)();
        if (disc->got_subcommand("info")) return (*info)();
        return kExitBadUsage;
    };
}

}  // namespace cdcts::cli
