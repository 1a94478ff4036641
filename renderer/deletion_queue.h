// Objects still used by a frame in flight are destroyed only once that frame's fence has
// signalled: each frame keeps a queue of deleters, flushed after its wait.
#pragma once

#include <functional>
#include <vector>

namespace renderer {

class DeletionQueue {
 public:
  void push(std::function<void()> deleter) { deleters_.push_back(std::move(deleter)); }
  // Destroys in reverse order of creation.
  void flush() {
    for (auto it = deleters_.rbegin(); it != deleters_.rend(); ++it) (*it)();
    deleters_.clear();
  }
  ~DeletionQueue() { flush(); }

 private:
  std::vector<std::function<void()>> deleters_;
};

}  // namespace renderer
