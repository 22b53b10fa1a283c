// Every recognizer, sorted by kind then id. A test keeps this list, the files and the docs in step.
import type { Recognizer } from './define.js';
import express from './frameworks/express.js';
import firebaseFunctions from './frameworks/firebase-functions.js';
import nestjs from './frameworks/nestjs.js';
import next from './frameworks/next.js';
import supabaseFunctions from './frameworks/supabase-functions.js';
import braintree from './providers/braintree.js';
import mollie from './providers/mollie.js';
import paypal from './providers/paypal.js';
import razorpay from './providers/razorpay.js';
import square from './providers/square.js';
import stripe from './providers/stripe.js';
import betterSqlite3 from './stores/better-sqlite3.js';
import drizzle from './stores/drizzle.js';
import firestore from './stores/firestore.js';
import mongoose from './stores/mongoose.js';
import mysql2 from './stores/mysql2.js';
import pg from './stores/pg.js';
import postgres from './stores/postgres.js';
import prisma from './stores/prisma.js';
import sequelize from './stores/sequelize.js';
import supabase from './stores/supabase.js';
import typeorm from './stores/typeorm.js';

export const RECOGNIZERS: Recognizer[] = [express, firebaseFunctions, nestjs, next, supabaseFunctions, braintree, mollie, paypal, razorpay, square, stripe, betterSqlite3, drizzle, firestore, mongoose, mysql2, pg, postgres, prisma, sequelize, supabase, typeorm];
