import { ensureDependencies } from "./lib/deps.mjs";

ensureDependencies();
