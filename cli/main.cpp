// cdcts: conformance test suite for CD-ROM drives and the Windows CD-ROM class driver's IOCTLs.
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"

int main(int argc, char** argv)
{
    using namespace cdcts::cli;
    CLI::App app{"cdcts: conformance test suite for CD-ROM drives and the Windows CD-ROM class driver's IOCTLs", "cdcts"};
    app.require_subcommand(1);
    const Action run = addRunCommand(app, argc, argv);
    const Action bench = addBenchCommand(app, argc, argv);
    const Action devices = addDevicesCommand(app);
    const Action ioctl = addIoctlCommand(app);
    const Action mmc = addMmcCommand(app);
    const Action disc = addDiscCommand(app);
    const Action defects = addDefectsCommand(app);
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return kExitBadUsage;
    }
    try {
        if (app.got_subcommand("run")) return run();
        if (app.got_subcommand("bench")) return bench();
        if (app.got_subcommand("devices")) return devices();
        if (app.got_subcommand("ioctl")) return ioctl();
        if (app.got_subcommand("mmc")) return mmc();
        if (app.got_subcommand("disc")) return disc();
        if (app.got_subcommand("defects")) return defects();
    } catch (const std::exception& e) {
        std::cerr << "cdcts: " << e.what() << "\n";
        return kExitBadUsage;
    }
    return kExitBadUsage;
}
