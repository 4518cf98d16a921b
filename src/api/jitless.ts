/**
 * Browser entries import this first. zod compiles fast parsers with `new Function`, and
 * probes for it once when the first object schema is built; a page with a strict Content
 * Security Policy reports that probe as a violation. In the browser the contract is small
 * enough that the interpreter is plenty fast. (The reference server keeps the JIT.)
 */
import {config} from 'zod/mini';

config({jitless: true});
