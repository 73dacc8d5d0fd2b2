// Walks over a heap graph's typed arrays that are too costly in JavaScript
// on the first (cold) run: a verdict walks each graph once, before V8 has
// optimized the loop, and the breadth-first tree alone visits every edge.
#pragma once

#include <napi.h>

namespace memscope {

// RegisterGraphWalks sets these functions on the module's exports:
//
// shortestPathTree(graph, skipByName, keyOfEntry, keptForJob): the
// breadth-first tree of HeapIndex.shortestPathTree (@memscope/core), the
// same parents, edges and order to the element.
void RegisterGraphWalks(Napi::Env env, Napi::Object exports);

}  // namespace memscope
