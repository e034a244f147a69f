#pragma once
// Runs a program as a user would from a shell, for end-to-end tests of the `cdcts` binary: waits for it,
// or starts it in the background to kill it mid-run.
#include <fcntl.h>
#include <spawn.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace cdcts::testing_support {

struct ProcessResult {
    int exitCode = -1;  // -1 when killed by a signal
    int signal = 0;
    std::string out;    // stdout and stderr together, as a terminal shows them
};

class Process {
public:
    // Starts `args` with stdout and stderr going to `outputFile`.
    Process(const std::vector<std::string>& args, const std::filesystem::path& outputFile, const std::filesystem::path& workDir = {})
        : outputFile_(outputFile)
    {
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 1, outputFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        posix_spawn_file_actions_adddup2(&actions, 1, 2);
        if (!workDir.empty()) posix_spawn_file_actions_addchdir_np(&actions, workDir.c_str());
        std::vector<char*> argv;
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        const int rc = posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        if (rc != 0) throw std::runtime_error("cannot start " + args[0]);
    }
    Process(const Process&) = delete;
    Process& operator=(const Process&) = delete;
    ~Process()
    {
        if (pid_ > 0) {
            ::kill(pid_, SIGKILL);
            (void)wait();
        }
    }

    void kill(int sig) { ::kill(pid_, sig); }

    ProcessResult wait()
    {
        ProcessResult r;
        int status = 0;
        while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
        }
        pid_ = -1;
        if (WIFEXITED(status)) r.exitCode = WEXITSTATUS(status);
        if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
        std::ifstream in(outputFile_);
        std::stringstream ss;
        ss << in.rdbuf();
        r.out = ss.str();
        return r;
    }

private:
    pid_t pid_ = -1;
    std::filesystem::path outputFile_;
};

inline ProcessResult run(const std::vector<std::string>& args, const std::filesystem::path& workDir = {})
{
    const auto out = std::filesystem::temp_directory_path() /
                     ("cdcts-subprocess-" + std::to_string(::getpid()) + "-" +
                      std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()) + ".out");
    Process p(args, out, workDir);
    ProcessResult r = p.wait();
    std::filesystem::remove(out);
    return r;
}

}  // namespace cdcts::testing_support
